package org.interestlab.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.compute.CsvText;
import org.interestlab.data.Dataset;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.eval.PercentileBootstrap;

/**
 * Writes the run folder's files: the resolved config, metrics (JSON and CSV), per-user metrics,
 * clusters, the analyses' files, the environment, timings, user and item vectors when {@code outputs:
 * {vectors: true}}, the HTML report and the log. The
 * folder is still under its temporary name; the runner renames it when this step is done.
 */
final class WriteStep implements RunStep {
  private final RunDirectory dir;
  private final String resolvedYaml;
  private final String hash8;
  private final Path repoRoot;
  private final Instant start;

  WriteStep(RunDirectory dir, String resolvedYaml, String hash8, Path repoRoot, Instant start) {
    this.dir = dir;
    this.resolvedYaml = resolvedYaml;
    this.hash8 = hash8;
    this.repoRoot = repoRoot;
    this.start = start;
  }

  @Override
  public String name() {
    return "write";
  }

  @Override
  public void run(RunContext ctx) {
    recordCache(ctx);
    Map<String, Object> metricsJson = metricsJson(ctx);
    ctx.metricsJson = metricsJson;
    dir.write("config.yaml", resolvedYaml);
    dir.write("metrics.json", Json.write(metricsJson));
    dir.write("metrics.csv", metricsCsv(ctx.results));
    dir.write("per_user.csv", ctx.perUserCsv);
    dir.write("clusters.csv", clustersCsv(ctx.data(), ctx.userClusters, ctx.loaded().truthLabels()));
    ctx.files.forEach(dir::write);
    dir.write("environment.json", Json.write(EnvironmentInfo.collect(repoRoot)));
    ctx.timings.put("total", Duration.between(start, Instant.now()).toNanos() / 1e9);
    dir.write("timings.json", Json.write(ctx.timings.asMap()));
    if (RunOutputs.vectors(ctx.config)) RunOutputs.vectorFiles(ctx).forEach(dir::write);
    dir.write("report.html", HtmlReport.render(dir.path(), ctx.profiles == null ? null : ctx.profiles.vectors()));
    ctx.log.info("done");
    dir.write("run.log", ctx.log.text());
  }

  private static void recordCache(RunContext ctx) {
    EmbeddingCache cache = ctx.embeddingCache;
    if (cache == null) return;
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("hits", cache.hits());
    c.put("misses", cache.misses());
    c.put("directory", cache.directory().toString());
    ctx.timings.put("embedding_cache", c);
    ctx.log.info(String.format(Locale.ROOT, "embedding cache: %,d hits, %,d misses (%s)", cache.hits(), cache.misses(), cache.directory()));
  }

  private Map<String, Object> metricsJson(RunContext ctx) {
    Dataset data = ctx.data();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", ctx.config.name());
    m.put("seed", ctx.config.seed());
    m.put("config_sha256_8", hash8);
    m.put("k", ctx.config.topK());
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", data.name());
    ds.put("users", data.numUsers());
    ds.put("items", data.numItems());
    ds.put("train_interactions", ctx.train().interactions().size());
    ds.put("test_interactions", ctx.test().interactions().size());
    ds.put("test_users", HeldOut.of(ctx.test()).users().length);
    m.put("dataset", ds);
    if (ctx.clusterJson != null) m.put("clusterer", ctx.clusterJson);
    for (AnalysisJob job : ctx.components.analyses()) m.put(job.key(), new LinkedHashMap<>(ctx.results.get(job.key())));
    if (!ctx.selectedParams.isEmpty()) m.put("selected", new LinkedHashMap<>(ctx.selectedParams));
    Map<String, Object> recs = new LinkedHashMap<>();
    for (ComponentConfig rc : ctx.config.recommenders()) {
      Map<String, Object> r = new LinkedHashMap<>(ctx.results.get(rc.name()));
      Map<String, ConfidenceInterval> ci = ctx.intervals.get(rc.name());
      if (ci != null && !ci.isEmpty()) {
        Map<String, Object> bounds = new LinkedHashMap<>();
        ci.forEach((metric, interval) -> bounds.put(metric, List.of(interval.lower(), interval.upper())));
        r.put("ci", bounds);
      }
      recs.put(rc.name(), r);
    }
    m.put("recommenders", recs);
    if (ctx.intervals.values().stream().anyMatch(ci -> !ci.isEmpty())) m.put("ci_method", ciMethod(ctx));
    return m;
  }

  /** How the {@code "ci"} intervals were computed, so a reader of metrics.json alone can tell. */
  private static Map<String, Object> ciMethod(RunContext ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "percentile bootstrap over users (Efron & Tibshirani 1993)");
    m.put("level", PercentileBootstrap.DEFAULT_LEVEL);
    m.put("resamples", PercentileBootstrap.DEFAULT_RESAMPLES);
    m.put("seed", Seeds.derive(ctx.config.seed(), "bootstrap"));
    return m;
  }

  private static String metricsCsv(Map<String, Map<String, Double>> results) {
    CsvText csv = CsvText.withHeader("component", "metric", "value");
    results.forEach((component, ms) -> ms.forEach((metric, v) -> csv.row(component, metric, Json.number(v))));
    return csv.toString();
  }

  /** Each user's cluster (−1 = none, or no clusterer) and, with ground truth, planted interest. */
  private static String clustersCsv(Dataset data, int[] clusters, int[] truth) {
    CsvText csv = truth == null ? CsvText.withHeader("user_id", "cluster") : CsvText.withHeader("user_id", "cluster", "truth");
    for (int u = 0; u < data.numUsers(); u++) {
      String id = data.users().get(u).id();
      int c = clusters == null ? -1 : clusters[u];
      if (truth == null) csv.row(id, c);
      else csv.row(id, c, truth[u]);
    }
    return csv.toString();
  }
}
