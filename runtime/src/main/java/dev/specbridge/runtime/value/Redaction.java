package dev.specbridge.runtime.value;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What text shown to people (an exception's message, a {@code toString()}) does with credentials: a value whose
 * name says it is one ({@code ai_login_password}, {@code ai_token}, anything with {@code password}, {@code token},
 * {@code secret} or {@code signature} in its name) shows as {@code ██}, also where a server echoes a request back
 * ({@code ai_login_password=…}, {@code "token":"…"}); and such text is bounded in length. The data itself, on the
 * exception or the record, stays whole.
 */
public final class Redaction {
  /** What a hidden value shows as. */
  public static final String HIDDEN = "\u2588\u2588";
  /** The longest text shown: longer is cut, saying how much was left out. */
  public static final int MAX_SHOWN = 1_000;

  private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|token|secret|signature).*");
  private static final String KEYWORD = "(?:password|passwd|token|secret|signature)";
  /**
   * The end of a credential's name, from its keyword on ({@code ai_login_password} matches from {@code password}),
   * up to the next keyword at most: each character of a word is then scanned from one keyword only, so a word of
   * keywords ({@code tokentoken…}) costs time in proportion to its length, not its square.
   */
  private static final String KEYWORD_NAME = KEYWORD + "(?:(?!" + KEYWORD + ")[\\w\\[\\]-])*+";
  /**
   * What follows a credential's name, each separator with its own value (groups 2 to 11 in pairs):
   * {@code =} or its escape {@code %3D}, then a value that ends at {@code &} (or {@code %26}), a space or a quote;
   * a JSON {@code ":"}, then a string to its closing quote, spaces and escaped quotes included; a JSON {@code ":}
   * then a number or literal; and the same two in URL-encoded JSON ({@code %22%3A%22}, a structured field's or a
   * batch's pair on the wire), whose string ends at {@code %22} (not at an escaped {@code %5C%22}) or {@code &}.
   * Every repetition is possessive, so a failed match never backtracks.
   */
  private static final String VALUE = "(?:(=|%3D)((?:(?!%26)[^&\\s\"])*+)"
      + "|(\"\\s*:\\s*\")((?:\\\\.|[^\"\\\\])*+)"
      + "|(\"\\s*:\\s*)([-+.\\w]++)"
      + "|(%22%3A%22)((?:%5C.|(?!%22|%26)[^&\\s\"])*+)"
      + "|(%22%3A)([-+.\\w]++))";
  private static final Pattern ECHOED = Pattern.compile("(?i)(" + KEYWORD_NAME + ")" + VALUE);

  private Redaction() {}

  /** Whether a field or pair of this name holds a credential. */
  public static boolean isCredential(String name) {
    return CREDENTIAL_NAME.matcher(name).matches();
  }

  /**
   * {@code text} cut at {@link #MAX_SHOWN} characters, with every credential it echoes hidden: cut first, so that
   * the work is bounded whatever a server sends (a secret cut in two is still hidden, as far as it goes).
   */
  public static String shown(String text) {
    return hidden(cut(text));
  }

  /** {@link #shown(String)}, also hiding the values of pairs and members named one of {@code names}. */
  public static String shown(String text, Collection<String> names) {
    return hidden(cut(text), names);
  }

  /** {@code text} with every credential it echoes ({@code password=…}, {@code "token":"…"}) hidden. */
  static String hidden(String text) {
    return hidden(text, ECHOED);
  }

  /**
   * {@code text} with every credential hidden, and every value of a pair or JSON member named one of
   * {@code names} (the fields a spec marks {@code secret}, a protocol's credential names): not cut, for a view
   * of a whole request or answer.
   */
  public static String hidden(String text, Collection<String> names) {
    if (names.isEmpty()) {
      return hidden(text);
    }
    StringBuilder exact = new StringBuilder();
    for (String name : names) {
      exact.append(exact.length() == 0 ? "" : "|").append(Pattern.quote(name));
    }
    // an exact name starts a pair (also an escaped one, after %26), a value (an echo) or a member (also an
    // escaped one, after %22); indexes may follow (name[0]=…), holding no '[' so that each is scanned once
    return hidden(text, Pattern.compile("(?i)(" + KEYWORD_NAME + "|(?:(?<![^&?=\\s\"{,;(])|(?<=%26)|(?<=%22))(?:"
        + exact + ")(?:\\[[^\\[\\]=&\"]*+\\])*+)" + VALUE));
  }

  /**
   * {@code text} with the content of every XML element named one of {@code names}, or whose name says it is a
   * credential, hidden: {@code <code>5f4d…</code>} shows as {@code <code>██</code>}. Not cut: a view of a whole
   * packet or answer.
   */
  public static String hiddenElements(String text, Collection<String> names) {
    StringBuilder exact = new StringBuilder();
    for (String name : names) {
      exact.append('|').append(Pattern.quote(name));
    }
    // a start tag (attributes allowed), then text up to the next tag: an element's own text; a name's parts are
    // bounded, so that a hostile name of a million letters costs no more than a short one
    Matcher element = Pattern.compile("(?i)(<(?:[\\w-]{0,64}?(?:password|passwd|token|secret|signature)[\\w-]{0,64}+"
        + exact
        + ")(?:\\s[^<>]*+)?>)([^<]++)").matcher(text);
    return element.find() ? element.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN)) : text;
  }

  private static String hidden(String text, Pattern pattern) {
    Matcher echoed = pattern.matcher(text);
    return echoed.find() ? echoed.replaceAll(m -> {
      int separator = 2;
      while (m.group(separator) == null) {
        separator += 2;
      }
      return Matcher.quoteReplacement(m.group(1) + m.group(separator)
          + (m.group(separator + 1).isEmpty() ? "" : HIDDEN));
    }) : text;
  }

  /** {@code text} cut at {@link #MAX_SHOWN} characters, saying how many more there were. */
  public static String cut(String text) {
    return text.length() <= MAX_SHOWN ? text
        : text.substring(0, MAX_SHOWN) + "… (" + (text.length() - MAX_SHOWN) + " more characters)";
  }
}
