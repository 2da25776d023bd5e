package dev.specbridge.runtime.json;

import dev.specbridge.runtime.wire.WireFormatException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;

/**
 * The names of one JSON object's members read so far, so that a member written twice is an error rather than one
 * copy silently winning. {@link Json}'s parser leaves this to its readers, because Jackson's own check allocates
 * a set for every object: generated readers keep one bit per declared field instead ({@link Json#once}), and every
 * other reader of the runtime (maps, kept and copied values, envelopes) uses one of these. It compares a few
 * names directly and switches to a hash set for many, so that a hostile object of many members stays linear.
 */
public final class MemberNames {
  private static final int FEW = 8;

  private final String[] few = new String[FEW];
  private int count;
  private Set<String> many;

  /**
   * Adds the name of the member the parser stands on ({@code PROPERTY_NAME}).
   *
   * @throws WireFormatException when the object already had a member of that name
   */
  public void add(JsonParser parser) {
    add(parser.currentName());
  }

  /**
   * Adds {@code name}.
   *
   * @throws WireFormatException when the object already had a member of that name
   */
  public void add(String name) {
    if (many != null) {
      if (!many.add(name)) {
        throw twice(name);
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      if (few[i].equals(name)) {
        throw twice(name);
      }
    }
    if (count < FEW) {
      few[count++] = name;
      return;
    }
    many = new HashSet<>();
    for (String seen : few) {
      many.add(seen);
    }
    many.add(name);
  }

  /** The error for a member {@code name} written twice in one object, in the words every reader uses. */
  public static WireFormatException twice(String name) {
    return new WireFormatException("member '" + name + "' is written twice");
  }
}
