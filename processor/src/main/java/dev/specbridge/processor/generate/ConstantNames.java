package dev.specbridge.processor.generate;

import dev.specbridge.processor.model.Names;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of one generated class's constants, so that no two collide: a wire name's constant, a record's name
 * matcher and a date pattern may all come out as the same words ({@code NAME_NAMES} for the field {@code names} and
 * for the matcher of a record {@code Name}); the later one gets a number.
 */
public final class ConstantNames {
  private final Set<String> taken = new HashSet<>();

  /** A free constant name made of the words of {@code parts}, in the one constant-case rule. */
  public String claim(String... parts) {
    StringBuilder words = new StringBuilder();
    for (String part : parts) {
      String constant = Names.constantCase(part).replaceFirst("^_(?=.)", "");
      words.append(words.length() == 0 ? "" : "_").append(constant);
    }
    String base = words.toString();
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }
}
