package dev.specbridge.processor.generate;

import com.palantir.javapoet.JavaFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a generated file: JavaPoet's, tidied line by line where JavaPoet's layout falls short. Each rule
 * matches one exact shape of line, and none touches a line that holds a string literal:
 * <ul>
 *   <li>a comment line over {@value #WIDTH} columns is wrapped at spaces (JavaPoet wraps code, never a comment,
 *       and a spec's docs are long lines of prose), never so that a line starts with {@code @}, which Javadoc
 *       would read as a block tag;
 *   <li>a sealed type's declaration is broken after the commas of its {@code permits} list;
 *   <li>{@code Outer. @Nullable Inner}, as JavaPoet spaces an annotated nested type, loses the space;
 *   <li>a builder's fields stand together, without the blank line JavaPoet puts between any two fields;
 *   <li>no line ends in spaces (JavaPoet keeps one when it wraps right after {@code =});
 *   <li>code is ASCII: a character beyond it (the {@code ██} a secret prints as) is a unicode escape, so that what
 *       the code does never depends on the encoding the user's build reads sources in.
 * </ul>
 */
public final class SourceText {
  static final int WIDTH = 120;
  /** A comment line: its indent, its marker ({@code * } in Javadoc, {@code // }), its text. */
  private static final Pattern COMMENT = Pattern.compile("^(\\s*)(\\* |// )(.*)$");
  /** A field with no initializer, as a builder declares them. */
  private static final Pattern PLAIN_FIELD = Pattern.compile("^\\s+private (@Nullable )?[\\w.<>, ?]+ \\w+;$");
  /** The declaration of a sealed type, with its {@code permits} list. */
  private static final Pattern SEALED = Pattern.compile("^\\s*(public )?sealed interface \\w+ permits [\\w., ]+\\{$");

  private SourceText() {}

  public static String of(JavaFile file) {
    return tidy(file.toString());
  }

  static String tidy(String source) {
    StringBuilder out = new StringBuilder(source.length() + source.length() / 64);
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isEmpty() && i > 0 && i + 1 < lines.length && PLAIN_FIELD.matcher(lines[i - 1]).matches()
          && PLAIN_FIELD.matcher(lines[i + 1]).matches()) {
        continue; // the blank line between two fields of a builder
      }
      Matcher comment = COMMENT.matcher(line);
      if (isComment(line)) {
        if (line.length() > WIDTH && comment.matches()) {
          wrap(out, comment.group(1) + comment.group(2), comment.group(3));
        } else {
          out.append(line);
        }
      } else if (line.indexOf('"') >= 0) {
        appendAscii(out, line); // a string literal is left as JavaPoet wrote it
      } else if (line.length() > WIDTH && SEALED.matcher(line).matches()) {
        wrapPermits(out, line);
      } else {
        appendAscii(out, line.replace(". @Nullable ", ".@Nullable "));
      }
      out.append(i + 1 < lines.length ? "\n" : "");
    }
    return out.toString();
  }

  private static boolean isComment(String line) {
    String code = line.stripLeading();
    return code.startsWith("*") || code.startsWith("/*") || code.startsWith("//");
  }

  private static void appendAscii(StringBuilder out, String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 128) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
  }

  /** A sealed type's {@code permits} list, which JavaPoet writes on one line, broken after its commas. */
  private static void wrapPermits(StringBuilder out, String line) {
    String indent = line.substring(0, line.length() - line.stripLeading().length()) + "    ";
    int lineStart = out.length();
    for (String part : line.split("(?<=,) ")) {
      if (out.length() - lineStart + 1 + part.length() > WIDTH && out.length() > lineStart) {
        out.append('\n').append(indent);
        lineStart = out.length() - indent.length();
      } else if (out.length() > lineStart) {
        out.append(' ');
      }
      out.append(part);
    }
  }

  /**
   * Writes {@code text} after {@code prefix}, broken at spaces, never before a word that starts with {@code @};
   * a block tag's later lines are indented more.
   */
  private static void wrap(StringBuilder out, String prefix, String text) {
    String continuation = prefix + (text.startsWith("@") ? "    " : "");
    String first = prefix;
    String rest = text;
    while (first.length() + rest.length() > WIDTH) {
      int cut = rest.lastIndexOf(' ', WIDTH - first.length());
      while (cut > 0 && rest.charAt(cut + 1) == '@') {
        cut = rest.lastIndexOf(' ', cut - 1);
      }
      if (cut <= 0) {
        break; // one word longer than the line: left as it is
      }
      out.append(first).append(rest, 0, cut).append('\n');
      rest = rest.substring(cut + 1).stripLeading();
      first = continuation;
    }
    out.append(first).append(rest);
  }
}
