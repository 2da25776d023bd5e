package dev.specbridge.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.specbridge.processor.diagnostics.Diagnostic;
import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Location;
import dev.specbridge.processor.generate.GenerationException;
import dev.specbridge.processor.generate.SourceText;
import dev.specbridge.processor.generate.SpecGenerator;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.SpecLoader;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.protocol.Protocols;
import dev.specbridge.processor.validate.SpecValidator;
import dev.specbridge.runtime.ApiSpec;
import dev.specbridge.runtime.ApiSpecs;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Generates the typed API of every spec named by {@link ApiSpec} on a package. Each spec goes through one
 * pipeline: load (YAML with line and column, extensions merged) → validate (every mistake collected) →
 * model → generate. Spec mistakes are compile errors on the annotation, each naming the file, line, column
 * and path inside the spec.
 */
@AutoService(Processor.class)
// It also claims the @Generated and @NullMarked its own output carries: unclaimed, javac warns about them under
// -Xlint:processing, which fails a build that uses -Werror. No annotation processor reads them (checkers of
// nullness run as compiler plug-ins, which see every annotation).
@SupportedAnnotationTypes({"dev.specbridge.runtime.ApiSpec", "dev.specbridge.runtime.ApiSpecs",
    "javax.annotation.processing.Generated", "org.jspecify.annotations.NullMarked"})
public final class SpecProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<Element> packages = new LinkedHashSet<>(round.getElementsAnnotatedWith(ApiSpec.class));
    packages.addAll(round.getElementsAnnotatedWith(ApiSpecs.class));
    for (Element element : packages) {
      if (element instanceof PackageElement pkg) {
        processPackage(pkg);
      }
    }
    return true;
  }

  private void processPackage(PackageElement pkg) {
    String packageName = pkg.getQualifiedName().toString();
    Map<String, String> generatedBy = new HashMap<>();
    for (ApiSpec spec : pkg.getAnnotationsByType(ApiSpec.class)) {
      AnnotationMirror mirror = specMirror(pkg);
      Diagnostics diagnostics = new Diagnostics();
      FilerSpecFiles specFiles = new FilerSpecFiles(processingEnv.getFiler());
      MapNode loaded = new SpecLoader(specFiles, diagnostics, Protocols.mergeRules()).load(spec.value());
      ApiModel model = loaded == null ? null : SpecValidator.validate(spec.value(), loaded, diagnostics);
      if (model == null) {
        report(diagnostics.errors(), specFiles, pkg, mirror);
        continue;
      }
      ArrayDeque<Rendering> pending = new ArrayDeque<>();
      // files are rendered (JavaPoet's text, then SourceText) on a second core while the next ones are built, a
      // third of the processor's time; only the compiler's thread writes them, through the Filer
      ExecutorService renderer = Executors.newSingleThreadExecutor(r -> new Thread(r, "specbridge-render"));
      try {
        new SpecGenerator(packageName, model).generate(file -> { // each file written as soon as it is made
          String name = file.typeSpec().name();
          String other = generatedBy.putIfAbsent(name, spec.value());
          if (other != null) {
            error("specs " + other + " and " + spec.value() + " both generate " + packageName + "." + name
                + "; generate them into different packages, or let one spec extend the other", pkg, mirror);
            return;
          }
          pending.add(new Rendering(file, renderer.submit(() -> SourceText.of(file))));
          while (!pending.isEmpty() && (pending.size() > 256 || pending.peek().text().isDone())) {
            write(pending.poll(), pkg, mirror); // in order, and never more than 256 files held
          }
        });
        while (!pending.isEmpty()) {
          write(pending.poll(), pkg, mirror);
        }
      } catch (GenerationException e) { // a bug of ours: a located error rather than a javac crash
        error(spec.value() + ": " + e.getMessage(), pkg, mirror);
      } finally {
        renderer.shutdownNow(); // its thread ends: nothing outlives the compile or holds this class loader
      }
    }
  }

  /** A file, and its text being rendered. */
  private record Rendering(JavaFile file, Future<String> text) {}

  private void write(Rendering rendering, PackageElement pkg, AnnotationMirror mirror) {
    JavaFile file = rendering.file();
    try {
      var source = processingEnv.getFiler().createSourceFile(file.packageName() + "." + file.typeSpec().name(), pkg);
      try (var writer = source.openWriter()) {
        writer.write(rendering.text().get());
      }
    } catch (ExecutionException e) { // a bug of ours: a located error rather than a javac crash
      error("could not write " + file.typeSpec().name() + ": " + e.getCause(), pkg, mirror);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error("interrupted while writing " + file.typeSpec().name(), pkg, mirror);
    } catch (IOException e) {
      error("cannot write " + file.typeSpec().name() + ": " + e.getMessage(), pkg, mirror);
    }
  }

  /** Reports each error at the annotation, its file named as a path the user can open where it has one. */
  private void report(List<Diagnostic> errors, FilerSpecFiles files, PackageElement pkg, AnnotationMirror mirror) {
    for (Diagnostic diagnostic : errors) {
      Location at = diagnostic.location();
      error(new Diagnostic(new Location(files.openable(at.file()), at.line(), at.column()), diagnostic.trail(),
          diagnostic.message()).toString(), pkg, mirror);
    }
  }

  private void error(String message, Element element, AnnotationMirror mirror) {
    processingEnv.getMessager().printMessage(Kind.ERROR, message, element, mirror);
  }

  /** The {@code @ApiSpec} (or, for several, {@code @ApiSpecs}) annotation, so that errors point at it. */
  private static AnnotationMirror specMirror(PackageElement pkg) {
    for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
      String type = mirror.getAnnotationType().toString();
      if (type.equals(ApiSpec.class.getName()) || type.equals(ApiSpecs.class.getName())) {
        return mirror;
      }
    }
    return null;
  }
}
