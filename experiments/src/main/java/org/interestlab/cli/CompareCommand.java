package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.eval.PercentileBootstrap;
import org.interestlab.experiment.PairedComparisons;
import org.interestlab.experiment.RunPerUser;
import org.interestlab.experiment.Seeds;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab compare RUN_DIR... [--metric M] [--baseline NAME]}: the recommenders of one or more
 * finished runs compared on the users they all share, from each run's {@code per_user.csv}: mean, 95%
 * bootstrap interval, relative difference to the baseline, paired t-test and Wilcoxon p-values
 * (Holm-corrected across the recommenders compared).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare recommenders within one run or across runs on the users they share (from per_user.csv).")
final class CompareCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run folders; recommenders of the second and later runs are "
      + "named <run-folder-name>/<recommender>")
  List<String> runDirs;

  @Option(names = "--metric", paramLabel = "METRIC", description = "a per-user metric column of per_user.csv (default: ndcg@10 "
      + "when present, else the first)")
  String metric;

  @Option(names = "--baseline", paramLabel = "NAME", description = "the recommender the others are compared with (default: the "
      + "first run's baseline: when its config names one, else its first recommender)")
  String baseline;

  @Option(names = "--seed", paramLabel = "N", description = "seed of the bootstrap (default: the first run's seed, as in its metrics.json)")
  Long seed;

  @Override
  public Integer call() {
    List<Path> folders = new ArrayList<>();
    for (String d : runDirs) {
      Path p = Paths.userPath(d).toAbsolutePath().normalize();
      if (folders.contains(p)) throw new UserException(d + ": the same run folder is given twice");
      folders.add(p);
    }
    List<RunPerUser> runs = folders.stream().map(RunPerUser::read).toList();
    RunPerUser first = runs.get(0);
    String m = metric != null ? metric : first.metrics().contains("ndcg@10") ? "ndcg@10" : firstMetric(first);
    for (RunPerUser r : runs) {
      if (!r.metrics().contains(m)) {
        throw new UserException(r.folder().resolve(RunPerUser.FILE) + ": no per-user metric '" + m + "' — allowed: "
            + (r.metrics().isEmpty() ? "none (this run has no per-user metrics)" : String.join(", ", r.metrics())));
      }
    }
    // Name → user → value; the first run's recommenders keep their names.
    Map<String, Map<String, Double>> byName = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      String prefix = i == 0 ? "" : runs.get(i).folder().getFileName() + "/";
      for (String rec : runs.get(i).recommenders()) byName.put(prefix + rec, runs.get(i).values(rec, m));
    }
    String base = baseline != null ? baseline : defaultBaseline(first);
    if (!byName.containsKey(base)) {
      throw new UserException("--baseline: '" + base + "' is not a recommender of these runs — allowed: " + String.join(", ", byName.keySet()));
    }
    if (byName.size() < 2) throw new UserException(runDirs.get(0) + ": only one recommender (" + base + ") — nothing to compare it with");
    Set<String> shared = new LinkedHashSet<>(byName.get(base).keySet());
    byName.values().forEach(v -> shared.retainAll(v.keySet()));
    if (shared.isEmpty()) throw new UserException("the runs share no evaluated user: nothing to compare");

    Map<String, double[]> aligned = new LinkedHashMap<>();
    byName.forEach((name, values) -> aligned.put(name, shared.stream().mapToDouble(values::get).toArray()));
    long bootstrapSeed = Seeds.derive(seed != null ? seed : runSeed(first), "bootstrap");
    List<ConfidenceInterval> cis = PercentileBootstrap.DEFAULT.intervals(new ArrayList<>(aligned.values()), bootstrapSeed);
    Map<String, ConfidenceInterval> byRec = new LinkedHashMap<>();
    int i = 0;
    for (String name : aligned.keySet()) byRec.put(name, cis.get(i++));

    System.out.printf(Locale.ROOT, "%s over %,d users shared by %d recommender(s) in %d run(s); 95%% percentile bootstrap "
        + "intervals (%d resamples)%n%n", m, shared.size(), aligned.size(), runs.size(), PercentileBootstrap.DEFAULT_RESAMPLES);
    System.out.print(ComparisonTable.render(PairedComparisons.compare(m, aligned, base), Map.of(m, byRec)));
    return 0;
  }

  private static String firstMetric(RunPerUser run) {
    if (run.metrics().isEmpty()) throw new UserException(run.folder().resolve(RunPerUser.FILE) + ": this run has no per-user metrics");
    return run.metrics().get(0);
  }

  /** The first run's config {@code baseline:}, else its first recommender. */
  private static String defaultBaseline(RunPerUser run) {
    Object b = topLevel(run.folder().resolve("config.yaml"), "baseline");
    if (b instanceof String s) return s;
    if (run.recommenders().isEmpty()) throw new UserException(run.folder().resolve(RunPerUser.FILE) + ": the run evaluated no recommender");
    return run.recommenders().get(0);
  }

  /** The run's seed from metrics.json (written by the run), else 42, the config default. */
  private static long runSeed(RunPerUser run) {
    return topLevel(run.folder().resolve("metrics.json"), "seed") instanceof Number n ? n.longValue() : 42;
  }

  /** A top-level value of a YAML (or JSON) file in the run folder, or null when the file or key is absent. */
  private static Object topLevel(Path file, String key) {
    if (!Files.isRegularFile(file)) return null;
    try {
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      return tree instanceof Map<?, ?> map ? map.get(key) : null;
    } catch (IOException | RuntimeException e) {
      throw new UserException(file + ": cannot read: " + e.getMessage());
    }
  }
}
