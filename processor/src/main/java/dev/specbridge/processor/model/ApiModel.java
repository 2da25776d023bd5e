package dev.specbridge.processor.model;

import java.util.List;

/**
 * A checked spec, ready to generate: the API, its protocol, its shared types and its entries, in the order
 * the spec lists them.
 *
 * @param javaName the base of the API-level generated types ({@code site-service} → {@code SiteService})
 * @param source the resource path of the spec file that was named in {@code @ApiSpec}
 */
public record ApiModel(
    String name,
    String javaName,
    String doc,
    String source,
    Protocol protocol,
    List<RecordModel> records,
    List<EnumModel> enums,
    List<EntryModel> entries) {

  public ApiModel {
    records = List.copyOf(records);
    enums = List.copyOf(enums);
    entries = List.copyOf(entries);
  }
}
