package dev.specbridge.processor.model;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** How wire names become Java names, and which Java names the generated code cannot take. */
public final class Names {
  private Names() {}

  /** Record component names that would clash with members every generated record has. */
  public static final Set<String> RESERVED_MEMBERS = Set.of(
      "builder", "toBuilder", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait",
      "clone", "finalize", "unknownFields", "toMessage");

  /** Member names of every generated open enum, which a constant cannot take. */
  public static final Set<String> RESERVED_ENUM_MEMBERS = Set.of("wireValue", "KNOWN");

  /** Simple names the generated code imports; a generated type of the same name would shadow them. */
  public static final Set<String> RESERVED_TYPES = Set.of(
      "Builder", "Checks", "Copies", "UnknownFields", "OpenEnum", "RawJson", "StringOr", "Generated", "List",
      "Map", "Pattern", "BigDecimal", "LocalDate", "LocalDateTime", "Instant", "Objects", "Override",
      "Deprecated", "String", "Integer", "Long", "Boolean", "Object", "Record");

  /** {@code first_name} → {@code firstName}; {@code userID} stays {@code userID}. */
  public static String camelCase(String wire) {
    String pascal = pascalCase(wire);
    return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** {@code create_lead} → {@code CreateLead}; {@code s_ext/authenticate} → {@code SExtAuthenticate}. */
  public static String pascalCase(String wire) {
    StringBuilder name = new StringBuilder();
    boolean upperNext = true;
    for (char c : wire.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upperNext = true;
      } else {
        name.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      }
    }
    return name.toString();
  }

  /**
   * The one constant-case rule, for enum constants, command constants and constraint constants: {@code Chile} →
   * {@code CHILE}; {@code newUser} → {@code NEW_USER}; {@code CreateLead} → {@code CREATE_LEAD}; {@code sku2Price}
   * → {@code SKU2_PRICE}; {@code walk-in} → {@code WALK_IN}; {@code 1} → {@code _1}.
   */
  public static String constantCase(String wire) {
    StringBuilder name = new StringBuilder();
    char previous = ' ';
    for (char c : wire.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
          name.append('_');
        }
        name.append(c);
      } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
        name.append('_');
      }
      previous = c;
    }
    while (name.length() > 0 && name.charAt(name.length() - 1) == '_') {
      name.setLength(name.length() - 1);
    }
    String constant = name.toString().toUpperCase(Locale.ROOT);
    return constant.isEmpty() || Character.isDigit(constant.charAt(0)) ? "_" + constant : constant;
  }

  /** Why {@code name} cannot be a Java name, or {@code null} when it can. */
  public static String problem(String name) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (SourceVersion.isKeyword(name)) {
      return "'" + name + "' is a Java keyword";
    }
    if (!SourceVersion.isIdentifier(name)) {
      return "'" + name + "' is not a valid Java name";
    }
    if (Set.of("var", "yield", "record", "sealed", "permits", "_").contains(name)) {
      return "'" + name + "' is a restricted name in Java";
    }
    return null;
  }
}
