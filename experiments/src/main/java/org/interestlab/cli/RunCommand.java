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
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.experiment.ExperimentConfig;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.RunResult;
import org.interestlab.experiment.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run CONFIG [--set key=value]...}: one experiment, one run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an experiment config and write experiments/runs/<utc-time>-<name>-<hash8>/.")
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
    List<RunResult> results = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      RunResult result = runner.run(c);
      results.add(result);
      String prefix = configs.size() > 1 ? c.name() + " / " : "";
      result.metrics().forEach((component, m) -> all.put(prefix + component, m));
    }
    out.println();
    out.print(table(all));
    out.println();
    for (RunResult r : results) out.println("run directory: " + r.directory());
    return 0;
  }

  /** Components as rows, metrics as columns, four decimals; columns holding only whole numbers (counts) as integers. */
  static String table(Map<String, Map<String, Double>> metrics) {
    Set<String> columns = new LinkedHashSet<>();
    metrics.values().forEach(m -> columns.addAll(m.keySet()));
    Set<String> counts = new java.util.HashSet<>();
    for (String c : columns) {
      List<Double> vs = metrics.values().stream().map(m -> m.get(c)).filter(v -> v != null).toList();
      if (vs.stream().allMatch(v -> v == Math.rint(v) && Math.abs(v) < 1e15)) counts.add(c);
    }
    int first = Math.max("component".length(), metrics.keySet().stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + first + "s", "component"));
    for (String c : columns) sb.append("  ").append(String.format(Locale.ROOT, "%" + Math.max(8, c.length()) + "s", c));
    sb.append('\n');
    metrics.forEach((component, m) -> {
      sb.append(String.format(Locale.ROOT, "%-" + first + "s", component));
      for (String c : columns) {
        Double v = m.get(c);
        String cell = v == null ? "" : counts.contains(c) ? String.format(Locale.ROOT, "%d", v.longValue())
            : String.format(Locale.ROOT, "%.4f", v);
        sb.append("  ").append(String.format(Locale.ROOT, "%" + Math.max(8, c.length()) + "s", cell));
      }
      sb.append('\n');
    });
    return sb.toString();
  }
}
