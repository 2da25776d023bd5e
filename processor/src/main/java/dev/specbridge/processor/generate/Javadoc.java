package dev.specbridge.processor.generate;

/** Spec text made safe for a Javadoc comment. */
public final class Javadoc {
  private Javadoc() {}

  public static String escape(String text) {
    return text.strip()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replaceAll("(?m)^(\\s*)@", "$1&#64;") // a line starting with @ would be read as a block tag
        .replace("\\u", "&#92;u");
  }

  /** Code-styled text: {@code {@code x}}, escaped. Braces inside would end the tag, so they become entities. */
  public static String code(String text) {
    return "{@code " + escape(text).replace("{", "&#123;").replace("}", "&#125;") + "}";
  }
}
