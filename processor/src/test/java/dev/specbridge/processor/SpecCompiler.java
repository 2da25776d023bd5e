package dev.specbridge.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;

/** Compiles a {@code package-info.java} that names spec files, with the processor, as a user's build would. */
final class SpecCompiler {
  private SpecCompiler() {}

  static Compilation compile(String packageName, String... specs) {
    String annotations = Stream.of(specs)
        .map(spec -> "@dev.specbridge.runtime.ApiSpec(\"" + spec + "\")\n")
        .collect(Collectors.joining());
    return javac()
        .withProcessors(new SpecProcessor())
        // as a strict user's build: every lint, processing included, and every public member documented
        .withOptions("-Xlint:all", "-Xdoclint:all/protected", "-Werror")
        .compile(JavaFileObjects.forSourceString(packageName + ".package-info",
            "/** The API generated from its spec. */\n" + annotations + "package " + packageName + ";\n"));
  }

  /** The error messages, in order. */
  static java.util.List<String> errors(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> d.getMessage(null))
        .collect(Collectors.toList());
  }

  static boolean isError(Diagnostic<?> diagnostic) {
    return diagnostic.getKind() == Diagnostic.Kind.ERROR;
  }
}
