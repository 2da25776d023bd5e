package dev.specbridge.processor.protocol;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.List;
import java.util.Set;

/**
 * One protocol of the spec language ({@code protocol: kind: form-http}), in a package of its own: its entries'
 * section, its settings and entry options (checked and typed), the wire formats its records travel in, its own
 * checks, and the API-level types it generates beside the records. The validator and the generator run over
 * {@link Protocols}, with no knowledge of any one protocol; adding a protocol is adding a package with a class
 * that extends this one, registered with {@code @AutoService(ProtocolPlugin.class)}.
 */
public abstract class ProtocolPlugin {
  /** The settings of a protocol that takes none but {@code kind}. */
  private record NoSettings() implements ProtocolSettings {}

  private final String name;
  private final EntrySection section;
  private final Set<WireFormat> formats;
  private final Set<WireFormat> bodyFormats;

  /**
   * A protocol whose entries' bodies travel in every format it uses.
   *
   * @param name the name a spec writes in {@code protocol: kind:}
   * @param section its entries' section, and the shape of one entry
   * @param formats the wire formats its records travel in; a codec is generated for each, and for no other
   */
  protected ProtocolPlugin(String name, EntrySection section, Set<WireFormat> formats) {
    this(name, section, formats, formats);
  }

  /**
   * @param bodyFormats the formats its entries' bodies travel in; every other record (a shared type, a record
   *     nested in a body) travels in the formats that nest (see {@link WireFormat#nests()})
   */
  protected ProtocolPlugin(String name, EntrySection section, Set<WireFormat> formats, Set<WireFormat> bodyFormats) {
    this.name = name;
    this.section = section;
    this.formats = Set.copyOf(formats);
    this.bodyFormats = Set.copyOf(bodyFormats);
  }

  /** The name a spec writes in {@code protocol: kind:}. */
  public final String name() {
    return name;
  }

  /** Its entries' section, and the shape of one entry. */
  public final EntrySection section() {
    return section;
  }

  /** The wire formats its records travel in. */
  public final Set<WireFormat> formats() {
    return formats;
  }

  /** The wire formats its entries' bodies travel in: each body record gets the codec of each. */
  public final Set<WireFormat> bodyFormats() {
    return bodyFormats;
  }

  /**
   * Reads and checks the settings of the spec's {@code protocol:} mapping (every key but {@code kind}): an unknown
   * key is an error with a did-you-mean, a setting that names an entry must name one of {@code entryNames}. By
   * default a protocol takes no setting.
   */
  public ProtocolSettings settings(MapNode protocol, Trail trail, NodeCheck check, Set<String> entryNames) {
    check.onlyKeys(protocol, trail, List.of("kind"));
    return new NoSettings();
  }

  /** Reads and checks an entry's options (the keys of {@link EntrySection#optionKeys()}); by default none. */
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    return EntryOptions.NONE;
  }

  /**
   * The simple names of the API-level types {@link #generate} writes ({@code SiteService} gives
   * {@code SiteServiceClient}…), so that the validator keeps them free; by default none.
   */
  public List<String> apiTypeNames(String apiJavaName) {
    return List.of();
  }

  /** The interfaces the record of an entry's body implements (a webhook's sealed family), or none. */
  public List<ClassName> recordInterfaces(ApiModel api, ApiTypes types, EntryModel entry) {
    return List.of();
  }

  /**
   * Constants the record of one of an entry's bodies declares for the protocol (a command's {@code COMMAND},
   * which ties its name to its codecs); by default none. They live on the record, not in an API-level class, so
   * that no generated class grows with the number of entries.
   */
  public List<FieldSpec> bodyConstants(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return List.of();
  }

  /**
   * Checks what no single entry can: names that must differ across entries, settings that must name entries
   * ({@code entries} is the spec's section, {@code models} its entries as read, {@code settings} the protocol's, or
   * {@code null} when the spec has none); by default nothing.
   */
  public void checkEntries(MapNode entries, NodeCheck check, List<EntryModel> models, ProtocolSettings settings) {}

  /** Methods the record of one of an entry's bodies declares for the protocol; by default none. */
  public List<MethodSpec> bodyMethods(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return List.of();
  }

  /** The API-level types: a client, a handler and its dispatcher, a sealed family…; by default none. */
  public List<TypeSpec> generate(ApiModel api, ApiTypes types) {
    return List.of();
  }
}
