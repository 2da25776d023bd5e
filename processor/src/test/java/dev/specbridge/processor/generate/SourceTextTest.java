package dev.specbridge.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link SourceText} on the line it is for, and on the lines it must leave alone. */
class SourceTextTest {
  private static final String LONG = "word ".repeat(30).strip();

  @Test
  void aLongCommentWrapsAtSpacesAndNeverStartsALineWithAnAt() {
    String doc = "  /**\n   * " + LONG + " replies to @handle when due " + LONG + "\n   * @param x " + LONG + "\n   */";
    List<String> lines = SourceText.tidy(doc).lines().toList();
    for (String line : lines) {
      assertTrue(line.length() <= SourceText.WIDTH, line);
    }
    assertEquals(1, lines.stream().filter(l -> l.strip().startsWith("* @")).count(), "only the real block tag");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("   *     word")), "a block tag's later lines indent");
    assertEquals(doc.replaceAll("\\s+", " ").replace(" * ", " "),
        SourceText.tidy(doc).replaceAll("\\s+", " ").replace(" * ", " "), "no word lost or added");
  }

  @Test
  void aStringLiteralIsNeverRewrapped() {
    String pattern = "  private static final Pattern P = Pattern.compile(\"(admin permits read, write, delete|guest"
        + " permits read, list|owner permits everything at all, " + LONG + ")\");";
    assertEquals(pattern, SourceText.tidy(pattern));
    String title = "  public static final Title DR = new Title(\"Dr. @Nullable Smith\");";
    assertEquals(title, SourceText.tidy(title));
  }

  @Test
  void aSealedDeclarationBreaksAfterItsCommasAndAnAnnotatedNestedTypeLosesItsSpace() {
    String sealed = "public sealed interface Shop permits " + "VeryLongNotificationNameNumber, ".repeat(5)
        + "Last {";
    List<String> lines = SourceText.tidy(sealed).lines().toList();
    assertTrue(lines.size() > 1 && lines.stream().allMatch(l -> l.length() <= SourceText.WIDTH), lines.toString());
    assertEquals("    Outer.@Nullable Inner source,", SourceText.tidy("    Outer. @Nullable Inner source,"));
  }

  @Test
  void aBuildersFieldsStandTogetherButOtherMembersKeepTheirBlankLine() {
    String builder = "    private @Nullable String a;\n\n    private Integer b;\n\n    private Builder() {\n    }";
    assertEquals("    private @Nullable String a;\n    private Integer b;\n\n    private Builder() {\n    }",
        SourceText.tidy(builder));
    String constants = "  private static final String A = \"a\";\n\n  private static final String B = \"b\";";
    assertEquals(constants, SourceText.tidy(constants));
  }

  @Test
  void codeIsAsciiAndNoLineEndsInSpaces() {
    assertEquals("    + \", password=\\u2588\\u2588\"", SourceText.tidy("    + \", password=██\""));
    assertEquals("   * prints ██", SourceText.tidy("   * prints ██"), "a comment keeps its characters");
    assertEquals("  X COMMAND =\n      new X();", SourceText.tidy("  X COMMAND = \n      new X();"));
  }
}
