package dev.specbridge.processor.model;

import java.util.List;

/**
 * A record to generate.
 *
 * @param keepsUnknown whether fields the spec does not declare are kept (in {@code unknownFields}); when
 *     false, a codec rejects them
 * @param wrapsValue true when the body on the wire is not an object of fields but one value (a list, a
 *     string...): the record then has exactly one field, named after the body, that stands for the whole body
 * @param records records declared inline in this one, generated as nested types
 * @param enums enums declared inline in this one, generated as nested types
 */
public record RecordModel(
    String javaName,
    String doc,
    List<FieldModel> fields,
    boolean keepsUnknown,
    boolean wrapsValue,
    List<RecordModel> records,
    List<EnumModel> enums) {

  public RecordModel {
    fields = List.copyOf(fields);
    records = List.copyOf(records);
    enums = List.copyOf(enums);
  }
}
