package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.specbridge.runtime.form.FormDispatcher;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec with more entries than one generated class or expression should hold: the code compiles, no API-level
 * class holds every entry's code but the client and handler, the dispatcher's routes are split into parts, and
 * each route is resolved when its command first comes.
 */
class LargeSpecTest {
  private static final int COMMANDS = 260; // past one part of routes (250)

  @Test
  void aSpecOfManyCommandsCompilesAndItsDispatcherReachesTheLastOne(@TempDir Path dir) throws Throwable {
    StringBuilder spec = new StringBuilder("spec: 1\napi: many\nprotocol: {kind: form-http}\ncommands:\n");
    for (int i = 0; i < COMMANDS; i++) {
      spec.append("  c").append(i).append(":\n    request:\n      fields:\n        n: {type: int}\n")
          .append("    response:\n      fields:\n        m: {type: int}\n");
    }
    Files.writeString(dir.resolve("many.yaml"), spec);
    Compilation compilation = javac()
        .withProcessors(new SpecProcessor())
        .withOptions("-Xlint:all", "-Xdoclint:all/protected", "-Werror", "-sourcepath", dir.toString())
        .compile(JavaFileObjects.forSourceString("many.package-info",
            "/** Many commands. */\n@dev.specbridge.runtime.ApiSpec(\"many.yaml\")\npackage many;\n"),
            JavaFileObjects.forSourceString("many.Recorder", """
                package many;

                /** Serves the last command only, saying what reached it. */
                public final class Recorder implements ManyHandler {
                  /** A recorder. */
                  public Recorder() {}

                  @Override
                  public C259Response c259(C259Request request, dev.specbridge.runtime.form.CallContext context) {
                    throw new dev.specbridge.runtime.form.CommandRefusedException(7, "reached c259 with " + request);
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    String routes = compilation.generatedSourceFile("many.ManyRoutes").orElseThrow().getCharContent(false)
        .toString();
    assertThat(routes).contains("private static final class Part0");
    assertThat(routes).contains("private static final class Part1");
    assertThat(routes).doesNotContain("Part2");
    for (String apiWide : List.of("ManyCommands", "ManyForm", "ManyJson")) { // no class holds every entry's code
      assertThat(compilation.generatedSourceFile("many." + apiWide).isPresent()).isFalse();
    }

    GeneratedClasses loader = new GeneratedClasses(compilation);
    Class<?> handler = loader.loadClass("many.ManyHandler");
    Object recorder = loader.loadClass("many.Recorder").getConstructor().newInstance();
    // a method handle finds dispatcher() alone: reflection (getMethod) would load every method's types
    FormDispatcher dispatcher = (FormDispatcher) MethodHandles.publicLookup().findStatic(handler, "dispatcher",
        MethodType.methodType(FormDispatcher.class, handler)).invoke(recorder);
    assertThat(loader.loaded).doesNotContain("many.C259Request"); // routes resolve when their command comes
    FormWriter answer = new FormWriter();
    dispatcher.dispatch("c" + (COMMANDS - 1), FormReader.parse("n=5"), "someone", answer);
    assertThat(answer.body()).contains("reached+c259+with+C259Request%5Bn%3D5");
    assertThat(loader.loaded).contains("many.C259Request");
    assertThat(loader.loaded).doesNotContain("many.C258Request");
    FormWriter unknown = new FormWriter();
    dispatcher.dispatch("c" + COMMANDS, FormReader.parse("n=5"), "someone", unknown);
    assertThat(unknown.body()).isEqualTo("status=1&status_message=Unknown+command%3A+c260");
  }

  /** The classes a compilation wrote, loaded from memory. */
  private static final class GeneratedClasses extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();
    private final Set<String> loaded = new HashSet<>();

    GeneratedClasses(Compilation compilation) {
      super(LargeSpecTest.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        String path = file.toUri().getPath();
        if (file.getKind() == JavaFileObject.Kind.CLASS && path.contains("/CLASS_OUTPUT/")) {
          String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + 14, path.length() - 6).replace('/', '.');
          classes.put(name, file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      loaded.add(name);
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
