package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.eval.PercentileBootstrap;

/**
 * The uncertainty of every per-user ranking metric: a 95% percentile bootstrap interval over the
 * evaluated users for every recommender ({@link PercentileBootstrap#DEFAULT}, 1000 resamples, seed
 * {@code Seeds.derive(runSeed, "bootstrap")}; all recommenders and metrics share the resamples, so
 * adding one never moves another's interval), saved under {@code "ci"} in metrics.json. With a
 * {@code baseline:} in the config, every other recommender is compared with it on the same users
 * ({@link PairedComparisons}), written to {@code significance.csv}. Reads only what
 * {@link EvaluateStep} kept.
 */
final class SignificanceStep implements RunStep {
  static final String FILE = "significance.csv";

  @Override
  public String name() {
    return "significance";
  }

  @Override
  public void run(RunContext ctx) {
    if (ctx.perUser.isEmpty()) return;
    ctx.timings.time("significance", () -> {
      intervals(ctx);
      if (ctx.config.baseline() != null) compare(ctx);
      return null;
    });
  }

  private static void intervals(RunContext ctx) {
    List<double[]> columns = new ArrayList<>();
    ctx.perUser.values().forEach(p -> columns.addAll(p.byMetric().values()));
    List<ConfidenceInterval> all = PercentileBootstrap.DEFAULT.intervals(columns, Seeds.derive(ctx.config.seed(), "bootstrap"));
    int i = 0;
    for (Map.Entry<String, RunContext.PerUserValues> e : ctx.perUser.entrySet()) {
      Map<String, ConfidenceInterval> byMetric = new LinkedHashMap<>();
      for (String metric : e.getValue().byMetric().keySet()) byMetric.put(metric, all.get(i++));
      ctx.intervals.put(e.getKey(), byMetric);
    }
    ctx.log.info(String.format(Locale.ROOT, "%.0f%% bootstrap intervals over users (%d resamples)", 100 * PercentileBootstrap.DEFAULT_LEVEL,
        PercentileBootstrap.DEFAULT_RESAMPLES));
  }

  private static void compare(RunContext ctx) {
    String baseline = ctx.config.baseline();
    List<String> metrics = new ArrayList<>(ctx.perUser.get(baseline).byMetric().keySet());
    for (String metric : metrics) {
      Map<String, double[]> values = new LinkedHashMap<>();
      ctx.perUser.forEach((rec, p) -> values.put(rec, p.byMetric().get(metric)));
      ctx.comparisons.addAll(PairedComparisons.compare(metric, values, baseline));
    }
    ctx.files.put(FILE, PairedComparisons.csv(ctx.comparisons));
    ctx.log.info("paired tests against baseline " + baseline + ": " + FILE);
  }
}
