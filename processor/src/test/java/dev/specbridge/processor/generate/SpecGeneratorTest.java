package dev.specbridge.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.Constraints;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.protocol.jsonwebsocket.MessageOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecGeneratorTest {
  /** A model no validated spec gives: a field refers to a record that does not exist. */
  private static ApiModel broken() {
    FieldModel field = new FieldModel("x", "x", null, null, new TypeRef.Named(List.of("Missing"), false), false,
        Constraints.NONE, false, null);
    RecordModel payload = new RecordModel("HelloMessage", null, List.of(field), true, false, List.of(), List.of());
    EntryModel hello = new EntryModel("message", "hello", "Hello", null, true,
        new MessageOptions(MessageOptions.Direction.SEND), Map.of("payload", payload));
    return new ApiModel("trips", "Trips", null, "specs/trips.yaml", "json-websocket", null,
        List.of(), List.of(), List.of(hello));
  }

  @Test
  void aGeneratorThatFailsNamesWhatItWasGeneratingInsteadOfCrashingTheCompiler() {
    GenerationException e = assertThrows(GenerationException.class,
        () -> new SpecGenerator("p", broken()).generate());
    assertTrue(e.getMessage().startsWith("could not generate the code of message hello ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("this is a bug of the processor: please report it with the spec"));
    assertEquals(IllegalStateException.class, e.getCause().getClass());
  }
}
