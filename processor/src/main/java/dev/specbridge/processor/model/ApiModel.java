package dev.specbridge.processor.model;

import java.util.List;

/**
 * A checked spec, ready to generate: the API, its protocol with its typed settings (whose plug-in says the wire
 * formats its records travel in), its shared types and its entries, in the order the spec lists them.
 *
 * @param javaName the base of the API-level generated types ({@code site-service} → {@code SiteService})
 * @param source the resource path of the spec file that was named in {@code @ApiSpec}
 * @param protocol the protocol's name as the spec writes it ({@code form-http})
 */
public record ApiModel(
    String name,
    String javaName,
    String doc,
    String source,
    String protocol,
    ProtocolSettings settings,
    List<RecordModel> records,
    List<EnumModel> enums,
    List<EntryModel> entries) {

  public ApiModel {
    records = List.copyOf(records);
    enums = List.copyOf(enums);
    entries = List.copyOf(entries);
  }

  /** The settings, as the type its protocol gave them. */
  public <T extends ProtocolSettings> T settings(Class<T> type) {
    return type.cast(settings);
  }

}
