package dev.specbridge.examples.bench;

import dev.specbridge.processor.SpecProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * How the processor scales: compiles synthetic form-http specs of 250, 1,000 and 4,000 commands (8 request and 5
 * response fields each, of mixed types), each in a fresh JVM as a build would, and prints per size the seconds of
 * the whole compile, the processor's own share beside javac's, the generated lines per command, and in another
 * fresh JVM the time of the first typed call (build a request of the last command, encode it, decode an answer)
 * and of building the server side's dispatcher, which loads every command.
 *
 * <p>Run with {@code mvn -B -q -Pbench -DskipTests package -Dbench=ScaleBenchmark} (about 4 minutes), or give
 * other sizes: {@code -Dbench="ScaleBenchmark 100 500"}.
 */
public final class ScaleBenchmark {
  private static final List<Integer> SIZES = List.of(250, 1_000, 4_000);
  private static final String[] REQUEST_TYPES = {"string", "int", "decimal", "boolean", "string", "date", "long",
      "string"};
  private static final String[] RESPONSE_TYPES = {"string", "int", "string", "decimal", "boolean"};

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      sizes.add(Integer.parseInt(arg));
    }
    System.out.println("commands  compile s  processor s (share)  lines/command (code)  first call ms"
        + "  dispatcher ms");
    for (int commands : sizes.isEmpty() ? SIZES : sizes) {
      Path dir = Files.createTempDirectory("specbridge-scale-");
      writeProject(dir, commands);
      String[] compiled = java(dir, "-Xmx6g", Compile.class.getName(), dir.toString()).split(" ");
      double seconds = Long.parseLong(compiled[0]) / 1e9;
      double processor = Long.parseLong(compiled[1]) / 1e9;
      long[] lines = lines(dir.resolve("generated"));
      String[] called = java(dir, "-Xmx1g", "-cp", dir.resolve("classes") + java.io.File.pathSeparator
          + System.getProperty("java.class.path"), "big.FirstCall").split(" ");
      System.out.printf(Locale.ROOT, "%8d  %9.1f  %11.1f (%4.0f%%)  %13d (%4d)  %13.1f  %13.1f%n", commands, seconds,
          processor, 100 * processor / seconds, lines[0] / commands, lines[1] / commands,
          Long.parseLong(called[0]) / 1e6, Long.parseLong(called[1]) / 1e6);
      delete(dir);
    }
  }

  /** The synthetic spec, the annotated package and the class that makes the first call. */
  private static void writeProject(Path dir, int commands) throws IOException {
    StringBuilder spec = new StringBuilder("spec: 1\napi: big-service\ndoc: A synthetic API of ").append(commands)
        .append(" commands.\nprotocol:\n  kind: form-http\n  path: /service\ncommands:\n");
    for (int i = 0; i < commands; i++) {
      spec.append(String.format(Locale.ROOT, "  command_%05d:%n    doc: Synthetic command number %d.%n", i, i))
          .append("    request:\n      fields:\n");
      for (int f = 0; f < REQUEST_TYPES.length; f++) {
        spec.append("        field_").append(f).append(": {type: ").append(REQUEST_TYPES[f])
            .append(f == 0 ? ", required: true" : "").append(", doc: Request field ").append(f).append(".}\n");
      }
      spec.append("    response:\n      fields:\n");
      for (int f = 0; f < RESPONSE_TYPES.length; f++) {
        spec.append("        result_").append(f).append(": {type: ").append(RESPONSE_TYPES[f])
            .append(", doc: Response field ").append(f).append(".}\n");
      }
    }
    Files.createDirectories(dir.resolve("specs"));
    Files.writeString(dir.resolve("specs/big.yaml"), spec);
    Path source = Files.createDirectories(dir.resolve("src/big"));
    Files.writeString(source.resolve("package-info.java"),
        "/** The synthetic API. */\n@dev.specbridge.runtime.ApiSpec(\"big.yaml\")\npackage big;\n");
    String last = String.format(Locale.ROOT, "Command%05d", commands - 1);
    Files.writeString(source.resolve("FirstCall.java"), """
        package big;

        import dev.specbridge.runtime.form.FormServiceClient;
        import dev.specbridge.runtime.form.FormWriter;

        /** The first typed call of a fresh JVM, and then the dispatcher of every command. */
        public final class FirstCall {
          public static void main(String[] args) {
            long start = System.nanoTime();
            LASTRequest request = LASTRequest.builder().field0("x").field1(1).build();
            FormWriter out = new FormWriter();
            LASTRequest.COMMAND.writeRequest().accept(out, request);
            LASTResponse response = FormServiceClient.readAnswer(LASTRequest.COMMAND, BigServiceClient.ENVELOPE,
                "status=0&result_0=ok&result_1=" + out.body().length()).response();
            long call = System.nanoTime() - start;
            start = System.nanoTime();
            BigServiceHandler.dispatcher(new BigServiceHandler() { });
            long dispatcher = System.nanoTime() - start;
            System.out.println(call + " " + dispatcher + " " + response.result1());
          }
        }
        """.replace("LAST", last));
  }

  /** Compiles the synthetic project in this JVM; prints the nanoseconds of the compile and of the processor. */
  public static final class Compile {
    private Compile() {}

    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      TimedProcessor processor = new TimedProcessor(new SpecProcessor());
      List<String> options = List.of("-d", dir.resolve("classes").toString(), "-s",
          dir.resolve("generated").toString(), "-sourcepath", dir.resolve("specs").toString(),
          "-classpath", System.getProperty("java.class.path"), "-implicit:none");
      Files.createDirectories(dir.resolve("classes"));
      Files.createDirectories(dir.resolve("generated"));
      try (var files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
        var task = javac.getTask(null, files, null, options, null, files.getJavaFileObjects(
            dir.resolve("src/big/package-info.java"), dir.resolve("src/big/FirstCall.java")));
        task.setProcessors(List.of(processor));
        long start = System.nanoTime();
        boolean ok = task.call();
        long total = System.nanoTime() - start;
        if (!ok) {
          throw new IllegalStateException("the synthetic API did not compile");
        }
        System.out.println(total + " " + processor.nanos);
      }
    }
  }

  /** The processor, with the time spent in it summed. */
  private static final class TimedProcessor implements Processor {
    private final Processor processor;
    private long nanos;

    TimedProcessor(Processor processor) {
      this.processor = processor;
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      long start = System.nanoTime();
      processor.init(environment);
      nanos += System.nanoTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return processor.process(annotations, round);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override
    public Set<String> getSupportedOptions() {
      return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public Iterable<? extends javax.annotation.processing.Completion> getCompletions(Element element,
        AnnotationMirror annotation, ExecutableElement member, String userText) {
      return processor.getCompletions(element, annotation, member, userText);
    }
  }

  /** Runs a class in a fresh JVM on this classpath (unless the arguments give one); returns its output. */
  private static String java(Path dir, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    List<String> rest = List.of(arguments);
    command.add(rest.get(0));
    if (!rest.contains("-cp")) {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
    }
    command.addAll(rest.subList(1, rest.size()));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output.lines().reduce((first, second) -> second).orElse("");
  }

  /** Lines of the generated sources: all of them, and code alone (not blank, not a comment). */
  private static long[] lines(Path generated) throws IOException {
    long[] lines = new long[2];
    try (Stream<Path> files = Files.walk(generated)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        try {
          for (String line : Files.readAllLines(p)) {
            lines[0]++;
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("*") && !code.startsWith("/*") && !code.startsWith("//")) {
              lines[1]++;
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return lines;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }
}
