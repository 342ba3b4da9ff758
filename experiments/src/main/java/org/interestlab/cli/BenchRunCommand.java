package org.interestlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.experiment.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab bench run [--quick] [--include REGEX] [-- JMH options]}: runs the JMH suites of
 * {@code jmh/target/benchmarks.jar} (built first when missing or older than the sources) and keeps
 * {@code jmh.json}, {@code jmh.log}, {@code environment.json} and {@code summary.txt} in
 * {@code jmh/results/<host>-<utc>/}. The folder is written under a hidden name and renamed at the end.
 * Where DJL sees no GPU, the GPU cases are left out ({@code -p device=cpu}) and the reason is printed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the JMH suites (EmbeddingThroughput, ClusteringLatency, RankingEval, RecommenderFit, DistanceKernel) "
        + "into jmh/results/<host>-<utc>/ with JMH's JSON, environment.json and summary.txt.")
final class BenchRunCommand implements Callable<Integer> {
  /**
   * One fork, one warm-up and three measurements of a second (JMH gives no error from two), on the
   * smallest sizes: the whole set of suites in minutes on two cores. Agglomerative clustering is left out
   * (its n² fit at n = 10,000 alone took minutes on a busy machine). JMH ignores parameters a suite lacks.
   */
  static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "3", "-r", "1s",
      "-p", "encoder=minilm-l6", "-p", "batchSize=32", "-p", "n=10000", "-p", "k=10", "-p", "dataset=ml-100k-sized",
      "-p", "algorithm=kmeans-elkan,kmeans-hamerly,kmeans-yinyang,kmeans-lloyd,minibatch-kmeans,gmm,dbscan");

  @Option(names = "--quick", description = "few parameters, short warm-up and measurement, one fork (minutes, not hours)")
  boolean quick;

  @Option(names = "--include", paramLabel = "REGEX", defaultValue = ".*",
      description = "benchmarks whose name matches (JMH's pattern; default: all)")
  String include;

  @Option(names = "--results-dir", paramLabel = "DIR", description = "where results folders go (default: jmh/results)")
  Path resultsDir;

  @Parameters(paramLabel = "JMH_OPTION", description = "further JMH options, after --, e.g. -- -p n=100000 -f 3")
  List<String> jmhOptions = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = Paths.root();
    Path jar = BenchJar.ensure(root);
    long start = System.nanoTime();
    Map<String, Object> env = BenchEnvironment.collect(root);
    List<String> args = new ArrayList<>(List.of(include));
    if (quick) args.addAll(QUICK);
    if (((Number) env.getOrDefault("gpu_count", 0)).intValue() == 0) {
      System.out.println("bench: GPU cases skipped: DJL's PyTorch engine sees no GPU here (on an NVIDIA machine build with "
          + "`mvn -Pcuda package`); no CPU number is reported under device=gpu");
      args.addAll(List.of("-p", "device=cpu"));
    }
    args.addAll(jmhOptions);
    String name = env.getOrDefault("host", "host") + "-"
        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now());
    Path results = resultsDir != null ? resultsDir : root.resolve("jmh/results");
    Files.createDirectories(results);
    Path tmp = results.resolve(".tmp-" + name);
    Files.createDirectories(tmp);
    String command = "./lab bench run" + (quick ? " --quick" : "") + (include.equals(".*") ? "" : " --include '" + include + "'")
        + (jmhOptions.isEmpty() ? "" : " -- " + String.join(" ", jmhOptions));
    env.put("command", command);
    env.put("jmh_args", args);
    AtomicFiles.write(tmp.resolve(BenchResults.ENVIRONMENT_JSON), Json.write(env).getBytes(StandardCharsets.UTF_8));

    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(args);
    cmd.addAll(List.of("-rf", "json", "-rff", tmp.resolve(BenchResults.JMH_JSON).toString()));
    System.out.println("bench: " + String.join(" ", cmd));
    int exit = runTeed(cmd, tmp.resolve("jmh.log"));
    if (!Files.isRegularFile(tmp.resolve(BenchResults.JMH_JSON))) {
      throw new UserException("JMH wrote no results (exit " + exit + "); its output is in " + tmp.resolve("jmh.log"));
    }
    BenchResults own = BenchResults.read(tmp).withLabel(name);
    double minutes = (System.nanoTime() - start) / 60e9;
    String summary = "InterestLab benchmarks " + name + "\ncommand: " + command + "\nwall time: "
        + String.format(Locale.ROOT, "%.1f min", minutes) + "\n" + BenchComparison.of(List.of(own)).table();
    AtomicFiles.write(tmp.resolve("summary.txt"), summary.getBytes(StandardCharsets.UTF_8));
    Path done = results.resolve(name);
    Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("\n" + summary + "\nbench: results in " + root.relativize(done.toAbsolutePath()));
    return exit == 0 ? 0 : 1;
  }

  /** Runs {@code cmd}, echoing its output and keeping a copy in {@code log}. */
  private static int runTeed(List<String> cmd, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
         Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        System.out.println(line);
        w.write(line);
        w.write('\n');
      }
    }
    return p.waitFor();
  }
}
