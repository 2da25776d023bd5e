package dev.specbridge.processor.load;

import java.util.Map;
import java.util.Set;

/**
 * What an extension may add to its base spec: the sections whose entries merge one by one (the shared types, and
 * each protocol's entries), and the keys of an entry that hold fields an extension may add to.
 *
 * @param sections each mergeable top-level key, with the word for one of its entries ({@code commands} →
 *     {@code command}), for error paths
 * @param bodies the keys of an entry that hold a body ({@code request}, {@code data}…)
 */
public record MergeRules(Map<String, String> sections, Set<String> bodies) {
  public MergeRules {
    sections = Map.copyOf(sections);
    bodies = Set.copyOf(bodies);
  }
}
