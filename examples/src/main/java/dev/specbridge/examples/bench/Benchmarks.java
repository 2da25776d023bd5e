package dev.specbridge.examples.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (with JMH's GC profiler) and prints each one's throughput beside its baselines:
 * {@code mvn -B -q -Pbench -DskipTests package} from the project root runs {@link FormCodecBenchmark},
 * {@link JsonCodecBenchmark}, {@link WebhookEndpointBenchmark}, {@link CentricSelectBenchmark} and {@link VehicleFleetBenchmark}. With arguments (or {@code -Dbench=…} in Maven), it runs the benchmark classes they
 * name instead, comma-separated, as in {@code mvn -B -q -Pbench -DskipTests package -Dbench=JsonCodecBenchmark}.
 * {@code -Dbench=ScaleBenchmark} runs {@link ScaleBenchmark}, which is not a JMH benchmark: it times whole compiles;
 * {@code -Dbench=LoadBenchmark} runs {@link LoadBenchmark}, webhook deliveries per second on loopback.
 */
public final class Benchmarks {
  private static final List<String> DEFAULT = List.of("FormCodecBenchmark", "JsonCodecBenchmark",
      "WebhookEndpointBenchmark", "CentricSelectBenchmark", "VehicleFleetBenchmark");

  private Benchmarks() {}

  /** One benchmark's throughput and bytes allocated per operation ({@code NaN} when not measured). */
  private record Score(double opsPerSecond, double bytesPerOp) {}

  public static void main(String[] args) throws Exception {
    List<String> classes = new ArrayList<>();
    for (String arg : args) {
      for (String name : arg.split("[,\\s]+")) {
        if (!name.isBlank()) {
          classes.add(name);
        }
      }
    }
    if (!classes.isEmpty() && classes.get(0).equals("ScaleBenchmark")) { // not JMH: it times whole compiles
      ScaleBenchmark.main(classes.subList(1, classes.size()).toArray(String[]::new));
      return;
    }
    if (!classes.isEmpty() && classes.get(0).equals("LoadBenchmark")) { // not JMH: it loads a server
      LoadBenchmark.main(classes.subList(1, classes.size()).toArray(String[]::new));
      return;
    }
    if (classes.isEmpty()) {
      classes = DEFAULT;
    }
    OptionsBuilder options = new OptionsBuilder();
    for (String name : classes) {
      options.include(Benchmarks.class.getPackageName() + "." + name + "\\.");
    }
    options.addProfiler(GCProfiler.class);
    Collection<RunResult> results = new Runner(options.build()).run();

    Map<String, Map<String, Score>> byClass = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark(); // package.Class.method
      String method = name.substring(name.lastIndexOf('.') + 1);
      String type = name.substring(0, name.lastIndexOf('.'));
      type = type.substring(type.lastIndexOf('.') + 1);
      byClass.computeIfAbsent(type, t -> new LinkedHashMap<>())
          .put(method, new Score(result.getPrimaryResult().getScore(), bytesPerOp(result)));
    }
    System.out.println();
    if (byClass.containsKey("FormCodecBenchmark")) {
      printForm(byClass.get("FormCodecBenchmark"));
    }
    if (byClass.containsKey("JsonCodecBenchmark")) {
      printJson(byClass.get("JsonCodecBenchmark"));
    }
    if (byClass.containsKey("WebhookEndpointBenchmark")) {
      printEndpoint(byClass.get("WebhookEndpointBenchmark"));
    }
    if (byClass.containsKey("CentricSelectBenchmark")) {
      printCentric(byClass.get("CentricSelectBenchmark"));
    }
    if (byClass.containsKey("VehicleFleetBenchmark")) {
      printFleet(byClass.get("VehicleFleetBenchmark"));
    }
  }

  private static double bytesPerOp(RunResult result) {
    for (String name : result.getSecondaryResults().keySet()) {
      if (name.endsWith("gc.alloc.rate.norm")) {
        return result.getSecondaryResults().get(name).getScore();
      }
    }
    return Double.NaN;
  }

  private static void printForm(Map<String, Score> score) {
    double baseline = score.get("handWritten").opsPerSecond();
    System.out.println("create_lead: encode the request + decode the answer (ops/s, higher is better)");
    score.forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-16s %,12.0f ops/s  %5.2fx the"
        + " hand-written time%n", name, s.opsPerSecond(), baseline / s.opsPerSecond()));
    System.out.println();
  }

  private static void printJson(Map<String, Score> score) {
    System.out.printf(Locale.ROOT, "new_user delivery: %d records as one JSON array, decoded from its UTF-8 bytes,"
        + " encoded to a String%n", NewUserDelivery.SIZE);
    System.out.println("(time = 1/ops; a ratio under 1 is faster, or allocates less, than the other path)");
    System.out.printf(Locale.ROOT, "  %-20s %10s  %12s  %16s  %12s  %12s%n", "", "ops/s", "time vs",
        "time vs", "bytes/op", "bytes vs");
    System.out.printf(Locale.ROOT, "  %-20s %10s  %12s  %16s  %12s  %12s%n", "", "", "databind",
        "hand-written", "", "databind");
    for (String operation : List.of("decode", "encode")) {
      Score databind = score.get(operation + "Databind");
      Score handWritten = score.get(operation + "HandWritten");
      for (String path : List.of("Generated", "HandWritten", "Databind")) {
        Score s = score.get(operation + path);
        if (s == null) {
          continue;
        }
        System.out.printf(Locale.ROOT, "  %-20s %,10.0f  %11.2fx  %15.2fx  %,12.0f  %11.2fx%n",
            operation + " " + path.substring(0, 1).toLowerCase(Locale.ROOT) + path.substring(1),
            s.opsPerSecond(), ratio(databind, s), ratio(handWritten, s), s.bytesPerOp(),
            databind == null ? Double.NaN : s.bytesPerOp() / databind.bytesPerOp());
      }
    }
    Score decode = score.get("decodeGenerated");
    Score encode = score.get("encodeGenerated");
    if (decode != null && encode != null && score.containsKey("decodeDatabind")
        && score.containsKey("encodeDatabind")) {
      System.out.printf(Locale.ROOT, "  generated / databind: decode %.2fx the time, %.2fx the bytes;"
          + " encode %.2fx the time, %.2fx the bytes%n", ratio(score.get("decodeDatabind"), decode),
          decode.bytesPerOp() / score.get("decodeDatabind").bytesPerOp(), ratio(score.get("encodeDatabind"), encode),
          encode.bytesPerOp() / score.get("encodeDatabind").bytesPerOp());
    }
    System.out.println();
  }

  private static void printFleet(Map<String, Score> score) {
    int vehicles = VehicleFleetBenchmark.VEHICLES;
    System.out.printf(Locale.ROOT, "CityTrips s_vehicle/full of %,d vehicles, encoded to a String%n", vehicles);
    System.out.printf(Locale.ROOT, "  %-12s %10s  %16s  %16s%n", "", "fleets/s", "time vs databind",
        "bytes/vehicle");
    Score databind = score.get("databind");
    for (String path : List.of("generated", "databind")) {
      Score s = score.get(path);
      if (s != null) {
        System.out.printf(Locale.ROOT, "  %-12s %,10.1f  %15.2fx  %,16.0f%n", path, s.opsPerSecond(),
            databind == null ? Double.NaN : databind.opsPerSecond() / s.opsPerSecond(), s.bytesPerOp() / vehicles);
      }
    }
    System.out.println();
  }

  private static void printCentric(Map<String, Score> score) {
    int records = CentricSelectBenchmark.RECORDS;
    System.out.printf(Locale.ROOT, "Centric select answer of %,d accounts (ISO-8859-1 under a UTF-8 declaration) read"
        + " into the generated records%n", records);
    System.out.printf(Locale.ROOT, "  %-14s %10s  %12s  %14s  %16s%n", "", "ops/s", "time vs dom", "bytes/record",
        "vs recordsOnly");
    Score dom = score.get("dom");
    Score least = score.get("recordsOnly");
    for (String path : List.of("streaming", "dom", "recordsOnly")) {
      Score s = score.get(path);
      if (s != null) {
        System.out.printf(Locale.ROOT, "  %-14s %,10.0f  %11.2fx  %,14.0f  %15.2fx%n", path, s.opsPerSecond(),
            dom == null ? Double.NaN : dom.opsPerSecond() / s.opsPerSecond(), s.bytesPerOp() / records,
            least == null ? Double.NaN : s.bytesPerOp() / least.bytesPerOp());
      }
    }
    if (dom != null && score.get("streaming") != null) {
      System.out.printf(Locale.ROOT, "  streaming reads %.2fx as many answers a second as DOM (goal: at least 3x)%n",
          score.get("streaming").opsPerSecond() / dom.opsPerSecond());
    }
    System.out.println();
  }

  private static void printEndpoint(Map<String, Score> score) {
    System.out.printf(Locale.ROOT, "webhook delivery of %d new_user messages: the endpoint's whole handle() against"
        + " the codec alone (the data only) and databind (the whole delivery)%n", NewUserDelivery.SIZE);
    System.out.println("(time = 1/ops; a ratio under 1 is faster, or allocates less, than the other path)");
    System.out.printf(Locale.ROOT, "  %-22s %10s  %10s  %10s  %12s  %10s  %10s%n", "", "ops/s", "time vs",
        "time vs", "bytes/op", "bytes vs", "bytes vs");
    System.out.printf(Locale.ROOT, "  %-22s %10s  %10s  %10s  %12s  %10s  %10s%n", "", "", "codec", "databind",
        "", "codec", "databind");
    Score codec = score.get("codec");
    Score databind = score.get("databind");
    for (String path : List.of("codec", "databind", "endpoint", "endpointDeduplicated")) {
      Score s = score.get(path);
      if (s == null) {
        continue;
      }
      System.out.printf(Locale.ROOT, "  %-22s %,10.0f  %9.2fx  %9.2fx  %,12.0f  %9.2fx  %9.2fx%n", path,
          s.opsPerSecond(), ratio(codec, s), ratio(databind, s), s.bytesPerOp(),
          codec == null ? Double.NaN : s.bytesPerOp() / codec.bytesPerOp(),
          databind == null ? Double.NaN : s.bytesPerOp() / databind.bytesPerOp());
    }
    System.out.println();
  }

  /** {@code s}'s time relative to {@code baseline}'s. */
  private static double ratio(Score baseline, Score s) {
    return baseline == null ? Double.NaN : baseline.opsPerSecond() / s.opsPerSecond();
  }
}
