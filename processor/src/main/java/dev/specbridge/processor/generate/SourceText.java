package dev.specbridge.processor.generate;

import com.palantir.javapoet.JavaFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a generated file: JavaPoet's, with comment lines wrapped at {@value #WIDTH} columns and no trailing
 * spaces. JavaPoet wraps code at its wrapping points but never a comment (and a spec's docs are long lines of
 * prose), and a line it wraps right after {@code =} keeps the space; a builder's fields stand together, without
 * the blank line JavaPoet puts between any two fields. Code is ASCII: a character beyond it (the
 * {@code ██} a secret prints as, a spec's example in a string) is written as a unicode escape, so that what the
 * code does never depends on the encoding the user's build reads sources in.
 */
public final class SourceText {
  static final int WIDTH = 120;
  /** A comment line: its indent, its marker ({@code * } in Javadoc, {@code // }), its text. */
  private static final Pattern COMMENT = Pattern.compile("^(\\s*)(\\* |// )(.*)$");
  /** A field with no initializer and no annotation, as a builder declares them. */
  private static final Pattern PLAIN_FIELD = Pattern.compile("^\\s+private [\\w.<>, ?]+ \\w+;$");

  private SourceText() {}

  public static String of(JavaFile file) {
    return wrapComments(file.toString());
  }

  static String wrapComments(String source) {
    StringBuilder out = new StringBuilder(source.length() + source.length() / 64);
    int start = 0;
    String previous = "";
    while (start < source.length()) {
      int end = source.indexOf('\n', start);
      end = end < 0 ? source.length() : end;
      String line = source.substring(start, end).stripTrailing();
      if (line.isEmpty() && PLAIN_FIELD.matcher(previous).matches() && end < source.length()) {
        int next = source.indexOf('\n', end + 1);
        String following = source.substring(end + 1, next < 0 ? source.length() : next);
        if (PLAIN_FIELD.matcher(following).matches()) {
          start = end + 1; // the blank line between two plain fields
          continue;
        }
      }
      previous = line;
      Matcher comment = line.length() > WIDTH ? COMMENT.matcher(line) : null;
      if (comment != null && comment.matches()) {
        wrap(out, comment.group(1) + comment.group(2), comment.group(3));
      } else if (line.length() > WIDTH && line.contains(" permits ")) {
        wrapPermits(out, line);
      } else if (isComment(line)) {
        out.append(line);
      } else {
        appendAscii(out, line.replace(". @Nullable ", ".@Nullable ")); // JavaPoet spaces Outer. @Nullable Inner
      }
      if (end < source.length()) {
        out.append('\n');
      }
      start = end + 1;
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

  /** Writes {@code text} after {@code prefix}, broken at spaces; a block tag's later lines are indented more. */
  private static void wrap(StringBuilder out, String prefix, String text) {
    String continuation = prefix + (text.startsWith("@") ? "    " : "");
    String first = prefix;
    String rest = text;
    while (first.length() + rest.length() > WIDTH) {
      int room = WIDTH - first.length();
      int cut = rest.lastIndexOf(' ', room);
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
