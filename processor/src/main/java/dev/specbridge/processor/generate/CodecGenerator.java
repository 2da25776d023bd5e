package dev.specbridge.processor.generate;

import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.model.WireFormat;

/**
 * Writes the codec of one wire format into a record's own class: {@code read<Format>} and
 * {@code write<Format>} static methods, and the constants they use. Each record carries its own codecs, so that a
 * class is loaded only when its record is used and none grows with the number of entries.
 */
public interface CodecGenerator {
  /** The format this generator writes. */
  WireFormat format();

  /** Adds the record's read and write methods to {@code type}, and their constants to {@code constants}. */
  void addTo(TypeSpec.Builder type, RecordIndex.Entry record, ClassConstants constants);
}
