package org.interestlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.eval.PercentileBootstrap;
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.experiment.ExperimentConfig;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.RunResult;
import org.interestlab.experiment.Runner;
import org.interestlab.experiment.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run CONFIG [--set key=value]...}: one experiment, one run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an experiment config and write experiments/runs/<utc-time>-<name>-<hash8>-<n>/ (n: repetition of this config).")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML file, e.g. experiments/configs/quickstart.yaml")
  String config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config value, e.g. --set clusterer.k=8 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run folders go (default: experiments/runs)")
  Path runsDir;

  @Option(names = "--quiet", description = "print only the metrics table and the run folder")
  boolean quiet;

  @Override
  public Integer call() {
    Registry registry = Registry.standard();
    // Every variant of a sweep is validated before the first one runs.
    List<ExperimentConfig> configs = new ConfigLoader(registry).loadAll(Paths.userPath(config), overrides);
    PrintStream out = System.out;
    Runner runner = new Runner(registry, Paths.root(), runsDir != null ? runsDir : Paths.runsDir(), quiet ? null : out);
    Map<String, Map<String, Double>> all = new LinkedHashMap<>();
    Map<String, Map<String, ConfidenceInterval>> intervals = new LinkedHashMap<>();
    List<RunResult> results = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      RunResult result = runner.run(c);
      results.add(result);
      String prefix = configs.size() > 1 ? c.name() + " / " : "";
      result.metrics().forEach((component, m) -> {
        if (!m.isEmpty()) all.put(prefix + component, m);   // a clusterer asked for no metric: no row
      });
      result.intervals().forEach((component, m) -> intervals.put(prefix + component, m));
    }
    out.println();
    out.print(table(all, intervals));
    if (!intervals.isEmpty()) {
      out.printf(Locale.ROOT, "[lo, hi]: %.0f%% percentile bootstrap interval over users (%d resamples)%n",
          100 * PercentileBootstrap.DEFAULT_LEVEL, PercentileBootstrap.DEFAULT_RESAMPLES);
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).comparisons().isEmpty()) continue;
      out.println();
      if (configs.size() > 1) out.println(configs.get(i).name() + ":");
      out.print(ComparisonTable.render(results.get(i).comparisons()));
    }
    out.println();
    for (RunResult r : results) out.println("run directory: " + r.directory());
    if (configs.size() > 1) {
      Path summary = SweepSummary.write(runsDir != null ? runsDir : Paths.runsDir(), configs, results).resolve(SweepSummary.FILE);
      boolean validated = results.stream().anyMatch(r -> !r.validation().isEmpty());
      out.println("sweep summary: " + summary + (validated ? " (best point per recommender marked by its validation value)"
          : " (add a validation: section to mark the best point, chosen on validation data)"));
    }
    return 0;
  }

  /**
   * Components as rows, metrics as columns, four decimals, a metric's bootstrap interval after it as
   * {@code 0.4023 [0.3900, 0.4150]}; columns holding only whole numbers (counts) as integers.
   */
  static String table(Map<String, Map<String, Double>> metrics, Map<String, Map<String, ConfidenceInterval>> intervals) {
    Set<String> columns = new LinkedHashSet<>();
    metrics.values().forEach(m -> columns.addAll(m.keySet()));
    Set<String> counts = new java.util.HashSet<>();
    for (String c : columns) {
      List<Double> vs = metrics.values().stream().map(m -> m.get(c)).filter(v -> v != null).toList();
      if (vs.stream().allMatch(v -> v == Math.rint(v) && Math.abs(v) < 1e15)) counts.add(c);
    }
    Map<String, Map<String, String>> cells = new LinkedHashMap<>();
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (String c : columns) widths.put(c, Math.max(8, c.length()));
    metrics.forEach((component, m) -> {
      Map<String, String> row = new LinkedHashMap<>();
      Map<String, ConfidenceInterval> ci = intervals.getOrDefault(component, Map.of());
      for (String c : columns) {
        Double v = m.get(c);
        String cell = v == null ? "" : counts.contains(c) ? String.format(Locale.ROOT, "%d", v.longValue())
            : String.format(Locale.ROOT, "%.4f", v);
        ConfidenceInterval interval = ci.get(c);
        if (v != null && interval != null && !Double.isNaN(interval.lower())) {
          cell += String.format(Locale.ROOT, " [%.4f, %.4f]", interval.lower(), interval.upper());
        }
        row.put(c, cell);
        widths.merge(c, cell.length(), Math::max);
      }
      cells.put(component, row);
    });
    int first = Math.max("component".length(), metrics.keySet().stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + first + "s", "component"));
    for (String c : columns) sb.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(c) + "s", c));
    sb.append('\n');
    cells.forEach((component, row) -> {
      sb.append(String.format(Locale.ROOT, "%-" + first + "s", component));
      for (String c : columns) sb.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(c) + "s", row.get(c)));
      sb.append('\n');
    });
    return sb.toString();
  }
}
