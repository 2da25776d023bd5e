package dev.specbridge.examples.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints each one's throughput beside the hand-written baseline:
 * {@code mvn -B -q -Pbench -DskipTests package} from the project root.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(FormCodecBenchmark.class.getName())
        .build()).run();
    Map<String, Double> score = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      score.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    double baseline = score.get("handWritten");
    System.out.println();
    System.out.println("create_lead: encode the request + decode the answer (ops/s, higher is better)");
    score.forEach((name, opsPerSecond) -> System.out.printf(Locale.ROOT, "  %-16s %,12.0f ops/s  %5.2fx the"
        + " hand-written time%n", name, opsPerSecond, baseline / opsPerSecond));
  }
}
