package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every record of an API (shared, entry bodies, and the types nested in them) by its path of simple names. */
public final class RecordIndex {
  /** A record and its Java class. */
  public record Entry(List<String> path, RecordModel model, ClassName type) {}

  private final Map<List<String>, Entry> byPath = new LinkedHashMap<>();
  private final JavaTypes types;

  public RecordIndex(ApiModel api, JavaTypes types) {
    this.types = types;
    for (RecordModel model : api.records()) {
      add(List.of(model.javaName()), model, types);
    }
    for (EntryModel entry : api.entries()) {
      for (RecordModel model : entry.bodies().values()) {
        add(List.of(model.javaName()), model, types);
      }
    }
  }

  private void add(List<String> path, RecordModel model, JavaTypes types) {
    byPath.put(path, new Entry(path, model, types.className(path)));
    for (RecordModel nested : model.records()) {
      List<String> longer = new ArrayList<>(path);
      longer.add(nested.javaName());
      add(List.copyOf(longer), nested, types);
    }
  }

  public ClassName enumClass(TypeRef.Named named) {
    return types.className(named.simpleNames());
  }

  public Collection<Entry> all() {
    return byPath.values();
  }

  public Entry get(List<String> path) {
    Entry entry = byPath.get(path);
    if (entry == null) {
      throw new IllegalStateException("no record " + path);
    }
    return entry;
  }
}
