package dev.specbridge.runtime.form;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.JsonParser;

/**
 * Decoded name-value pairs, read by generated code field by field. Each pair read is marked, so that
 * {@link #rest()} returns exactly the pairs no field took: nothing the server sent is lost. Besides plain
 * pairs it reads PHP-style bracket keys: the tuple {@code status_message[0]}, {@code status_message[1]}, and
 * groups such as {@code summary[total]=3&summary[file]=a.csv}, which a structured field reads as JSON.
 *
 * <p>The pairs no field took are {@link WireFormat#TEXT} unknown fields, except the members of a JSON object
 * that are objects or arrays ({@link #ofJsonObject(String)}): those stay
 * {@link WireFormat#JSON}, so that they are written back as structures.
 */
public final class FormReader {
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private boolean[] taken;
  private boolean[] credentials; // pairs left out of rest(); null when none
  private BitSet structured; // pairs whose value is the JSON text of an object or array; null when none

  private FormReader() {}

  /** Decodes a URL-encoded body; a broken escape is a {@link WireFormatException}. */
  public static FormReader parse(String body) {
    FormReader reader = new FormReader();
    int length = body.length();
    int start = 0;
    while (start <= length) {
      int end = body.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int equals = body.indexOf('=', start);
        if (equals < 0 || equals > end) {
          equals = end;
        }
        reader.names.add(FormEncoding.decode(body, start, equals));
        reader.values.add(equals == end ? "" : FormEncoding.decode(body, equals + 1, end));
      }
      start = end + 1;
    }
    reader.taken = new boolean[reader.names.size()];
    return reader;
  }

  /**
   * Reads a JSON object's members as pairs: a string, number or boolean becomes its text, an object or array
   * its JSON text, and null an absent pair. For servers that answer some commands in JSON. An object or array
   * no field reads stays a {@link WireFormat#JSON} unknown field.
   */
  public static FormReader ofJsonObject(String json) {
    FormReader reader = new FormReader();
    Json.readObjectMembers(json, reader::addMember);
    return reader.ready();
  }

  /**
   * Reads the members of the JSON object the parser stands on as pairs, as {@link #ofJsonObject(String)} does,
   * without copying the object first (an element of a batch); the parser ends on the object's last token.
   *
   * @param what what the object is, for the error when it is not an object
   */
  public static FormReader ofJsonObject(JsonParser parser, String what) {
    FormReader reader = new FormReader();
    Json.readObjectMembers(parser, what, reader::addMember);
    return reader.ready();
  }

  /** Pairs already split; every value is text. */
  public static FormReader of(List<Map.Entry<String, String>> pairs) {
    FormReader reader = new FormReader();
    for (Map.Entry<String, String> pair : pairs) {
      reader.addMember(pair.getKey(), pair.getValue(), false);
    }
    return reader.ready();
  }

  private void addMember(String name, String value, boolean json) {
    if (json) {
      if (structured == null) {
        structured = new BitSet();
      }
      structured.set(names.size());
    }
    names.add(name);
    values.add(value);
  }

  private FormReader ready() {
    taken = new boolean[names.size()];
    return this;
  }

  public int size() {
    return names.size();
  }

  /** The value of the first pair named {@code name} not yet read, or {@code null}; marks it read. */
  public String take(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (!taken[i] && names.get(i).equals(name)) {
        taken[i] = true;
        return values.get(i);
      }
    }
    return null;
  }

  /**
   * The value of the first pair named {@code name}, a credential (and so is every other pair of that name): a field of that name may still read it (the
   * {@code ai_token} that user_login_token_update updates), but it never becomes an unknown field, so it cannot
   * reach a record's {@code toString()}.
   */
  public String credential(String name) {
    String first = null;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        if (credentials == null) {
          credentials = new boolean[names.size()];
        }
        credentials[i] = true; // every copy: a repeated token is still a token
        first = first == null ? values.get(i) : first;
      }
    }
    return first;
  }

  /**
   * Every value of a tuple: {@code name} itself and {@code name[0]}, {@code name[1]}, … in index order
   * (a plain {@code name} first); marks them read.
   */
  public List<String> takeTuple(String name) {
    List<String> plain = new ArrayList<>();
    TreeMap<Integer, String> indexed = new TreeMap<>();
    String prefix = name + "[";
    for (int i = 0; i < names.size(); i++) {
      String pairName = names.get(i);
      if (taken[i]) {
        continue;
      }
      if (pairName.equals(name)) {
        plain.add(values.get(i));
        taken[i] = true;
      } else if (pairName.startsWith(prefix) && pairName.endsWith("]")) {
        String index = pairName.substring(prefix.length(), pairName.length() - 1);
        if (!index.isEmpty() && index.chars().allMatch(Character::isDigit) && index.length() < 10) {
          indexed.merge(Integer.parseInt(index), values.get(i), (a, b) -> a);
          taken[i] = true;
        }
      }
    }
    plain.addAll(indexed.values());
    return plain;
  }

  /**
   * The JSON text of a structured field: the value of a pair {@code name} (which carries JSON), or else the
   * bracket group {@code name[…]…} turned into JSON (an object, or an array when its keys are 0, 1, 2…,
   * with every leaf a string). {@code null} when neither is there. Marks what it reads.
   */
  public String takeJson(String name) {
    String plain = take(name);
    if (plain != null) {
      return plain;
    }
    Map<String, Object> root = new LinkedHashMap<>();
    boolean found = false;
    String prefix = name + "[";
    for (int i = 0; i < names.size(); i++) {
      if (!taken[i] && names.get(i).startsWith(prefix)) {
        List<String> path = Brackets.path(names.get(i), name.length());
        if (path != null) {
          Brackets.put(root, path, values.get(i));
          taken[i] = true;
          found = true;
        }
      }
    }
    return found ? Json.write(Brackets.toJsonValue(root)) : null;
  }

  /**
   * A structured field ({@link #takeJson(String)}) read with {@code reader}, or {@code null} when it is not there;
   * an error's path starts at {@code name} ({@code products[1].qty}).
   */
  public <T> T takeJson(String name, Function<JsonParser, T> reader) {
    String json = takeJson(name);
    return json == null ? null : Json.read(json, name, reader);
  }

  /**
   * A string-or field: the plain text as it came, or the structure ({@link #takeJson(String)}) read with
   * {@code reader}; {@code null} when it is not there.
   */
  public <T> StringOr<T> takeStringOr(String name, Function<JsonParser, T> reader) {
    String json = takeJson(name);
    return json == null ? null : Json.stringOr(json, name, reader);
  }

  /**
   * Every pair no field read, in arrival order: as {@link WireFormat#TEXT}, but an object or array member of a
   * JSON object as {@link WireFormat#JSON}.
   */
  public UnknownFields rest() {
    List<UnknownFields.Entry> rest = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!taken[i] && (credentials == null || !credentials[i])) {
        boolean json = structured != null && structured.get(i);
        rest.add(new UnknownFields.Entry(names.get(i), values.get(i), json ? WireFormat.JSON : WireFormat.TEXT));
      }
    }
    return UnknownFields.of(rest);
  }

  /** Fails when a pair is left that no field read, for a record that refuses unknown fields. */
  public void refuseRest(String record) {
    UnknownFields rest = rest();
    if (!rest.isEmpty()) {
      throw new WireFormatException(record + " does not take the fields " + rest.names());
    }
  }

  /** Only the size: pairs may carry credentials. */
  @Override
  public String toString() {
    return "FormReader[" + names.size() + " pairs]";
  }
}
