package dev.specbridge.processor.generate;

import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.model.ApiModel;

/** Writes the codec class of one wire format for an API ({@code <Api>Json}, {@code <Api>Form}). */
public interface CodecGenerator {
  TypeSpec generate(ApiModel api, ApiTypes types);
}
