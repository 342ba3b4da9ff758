package org.interestlab.experiment;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.cluster.ClusterKeywords;
import org.interestlab.analysis.ClusterTracker;
import org.interestlab.analysis.DynamicInterests;
import org.interestlab.analysis.StreamingKMeans;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;
import org.interestlab.data.Dataset;
import org.interestlab.data.InterestTruth;
import org.interestlab.data.TimeWindows;
import org.interestlab.compute.CsvText;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.analysis.DriftRecovery;
import org.interestlab.profile.UserProfiler;

/**
 * The {@code dynamic:} section of a run: {@link DynamicInterests} over time windows of the whole
 * dataset (every interaction, not only the training split: this analysis evaluates no
 * recommendation). Each window's profiles come from the config's {@code profile:} applied to
 * everything before the window's end. Prints an events table (births, deaths, splits, merges, with
 * member flows and the keywords of the clusters involved) and writes {@code events.csv}, {@code
 * drifts.csv}, {@code windows.csv} and {@code window_clusters.csv} (users per cluster per window). With planted ground truth (synthetic data) the metrics give
 * drift recall and precision and whether the emerging topic was born ({@link DriftRecovery}).
 */
final class DynamicInterestsJob implements AnalysisJob {
  static final String KEY = "dynamic";
  /** Users per cluster per window: what the interests-over-time figure stacks. */
  static final String WINDOW_CLUSTERS = "window_clusters.csv";
  /** The parts' own declarations — windows, streaming k-means, tracker — then the report's. */
  static final ParamList PARAMS = TimeWindows.PARAMS.and(StreamingKMeans.PARAMS).and(ClusterTracker.PARAMS)
      .and(integer("keywords", 4, 1, 100, "c-TF-IDF keywords shown per cluster"));

  /** What the job adds to a run. */

  private final DynamicInterests dynamic;
  private final int keywords;

  DynamicInterestsJob(ConfigSections.Section s) {
    Params p = s.params();
    this.dynamic = new DynamicInterests(new TimeWindows(p.getInt("window_days")),
        new StreamingKMeans(p.getInt("k"), p.getDouble("decay"), p.getDouble("birth_distance"), p.getInt("min_cluster_size"),
            p.getInt("max_iter"), p.getDouble("stickiness"), s.seed()),
        new ClusterTracker(p.getDouble("min_overlap"), p.getDouble("min_similarity"), p.getInt("persistence")));
    this.keywords = p.getInt("keywords");
  }

  @Override
  public String key() {
    return KEY;
  }

  /** Profiles of each window come from everything users did up to its end, test part included: tracking is not evaluation. */
  @Override
  public Output run(RunContext ctx) {
    Dataset data = ctx.data();
    LoadedDataset loaded = ctx.loaded();
    RunLog log = ctx.log();
    DynamicInterests.Result r = dynamic.run(data, ctx.profiler()::transform);
    List<TimeWindows.Window> ws = r.windows();
    // Keywords of each window's clusters, from what their members did in that window.
    List<Map<Integer, String>> names = new ArrayList<>();
    for (int t = 0; t < ws.size(); t++) names.add(keywords(data, ws.get(t), r.snapshots().get(t)));
    ClusterTracker.Tracking tracking = r.tracking();

    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "dynamic interests: %d windows of %d days, %,d drifts%n", ws.size(), dynamic.windows().days(),
        tracking.drifts().size()));
    table.append(String.format(Locale.ROOT, "%-6s %-22s %-8s %-10s %-10s %-28s %s%n", "window", "dates", "event", "from", "to", "flows (users)", "keywords"));
    CsvText events = CsvText.withHeader("window", "start", "end", "event", "from", "to", "flows", "keywords");
    for (ClusterTracker.Event e : tracking.events()) {
      TimeWindows.Window w = ws.get(e.window());
      String from = join(e.from());
      String to = join(e.to());
      String flows = flows(e.flows(), 3);
      String words = e.type() == ClusterTracker.EventType.DEATH
          ? names.get(e.window() - 1).getOrDefault(e.from().get(0), "")
          : e.to().stream().map(c -> names.get(e.window()).getOrDefault(c, "")).reduce((a, b) -> a + " | " + b).orElse("");
      events.row(e.window(), day(w.start()), day(w.end() - 1), e.type().configName(), from, to, flows(e.flows(), Integer.MAX_VALUE), words);
      if (e.type() != ClusterTracker.EventType.CONTINUE) {
        table.append(String.format(Locale.ROOT, "%-6d %-22s %-8s %-10s %-10s %-28s %s%n", e.window(), w.label(), e.type().configName(),
            from.isEmpty() ? "-" : from, to.isEmpty() ? "-" : to, flows, words));
      }
    }
    CsvText windows = CsvText.withHeader("window", "start", "end", "users", "clusters", "born", "died", "continued", "drifts", "stability_ari");
    for (int t = 0; t < ws.size(); t++) {
      final int window = t;
      long continued = tracking.events().stream().filter(e -> e.window() == window && e.type() == ClusterTracker.EventType.CONTINUE).count();
      long drifts = tracking.drifts().stream().filter(d -> d.window() == window).count();
      StreamingKMeans.Window c = r.clusterings().get(t);
      // The first window has nothing to continue from: its comparison columns stay empty.
      windows.row(t, day(ws.get(t).start()), day(ws.get(t).end() - 1), r.snapshots().get(t).users().length, c.numClusters(), c.born().length,
          c.died().length, t == 0 ? "" : continued, t == 0 ? "" : drifts, t == 0 ? "" : Json.number(tracking.stability().get(t - 1)));
    }
    CsvText driftCsv = CsvText.withHeader("user_id", "window", "window_start", "from_cluster", "to_cluster", "from_track", "to_track");
    for (ClusterTracker.Drift d : tracking.drifts()) {
      driftCsv.row(data.users().get(d.user()).id(), d.window(), day(ws.get(d.window()).start()), d.fromCluster(), d.toCluster(),
          d.fromTrack(), d.toTrack());
    }

    CsvText windowClusters = CsvText.withHeader("window", "start", "cluster", "size");
    for (int t = 0; t < ws.size(); t++) {
      java.util.SortedMap<Integer, Integer> sizes = new java.util.TreeMap<>();
      for (int label : r.snapshots().get(t).labels()) if (label >= 0) sizes.merge(label, 1, Integer::sum);
      for (Map.Entry<Integer, Integer> e : sizes.entrySet()) windowClusters.row(t, day(ws.get(t).start()), e.getKey(), e.getValue());
    }

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("windows", (double) ws.size());
    metrics.put("clusters_last_window", (double) r.clusterings().get(ws.size() - 1).numClusters());
    for (ClusterTracker.EventType type : ClusterTracker.EventType.values()) metrics.put(type.configName() + "s", (double) tracking.count(type));
    metrics.put("drifts", (double) tracking.drifts().size());
    metrics.put("stability_ari_mean", tracking.stability().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    if (loaded.truth() != null) {
      DriftRecovery dr = DriftRecovery.evaluate(r, data, loaded.truth());
      metrics.put("planted_drifts", (double) dr.planted());
      metrics.put("drift_recall", dr.recall());
      metrics.put("drift_precision", dr.precision());
      metrics.put("emerging_birth_window", (double) dr.emergingBirthWindow());
      table.append(String.format(Locale.ROOT, "planted drifts found within one window: %d of %d (recall %.3f, precision %.3f); emerging topic '%s' %s%n",
          dr.found(), dr.planted(), dr.recall(), dr.precision(), loaded.truth().emergingInterest().map(InterestTruth.Emerging::name).orElse("-"),
          dr.emergingFound() ? "born in window " + dr.emergingBirthWindow() + " (" + ws.get(dr.emergingBirthWindow()).label() + ")" : "not found as a birth"));
    }
    for (String l : table.toString().split("\n")) log.info(l);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("events.csv", events.toString());
    files.put("drifts.csv", driftCsv.toString());
    files.put("windows.csv", windows.toString());
    files.put(WINDOW_CLUSTERS, windowClusters.toString());
    return new Output(metrics, files);
  }

  private Map<Integer, String> keywords(Dataset data, TimeWindows.Window w, ClusterTracker.Snapshot s) {
    List<String> all = UserTexts.of(data, w.start(), w.end());
    int max = 0;
    for (int l : s.labels()) max = Math.max(max, l);
    List<String> texts = new ArrayList<>();
    for (int u : s.users()) texts.add(all.get(u));
    ClusterKeywords.Result k = new ClusterKeywords(keywords).fit(texts, s.labels());
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int c = 0; c <= max; c++) if (!k.of(c).isEmpty()) out.put(c, String.join(" ", k.of(c)));
    return out;
  }

  private static String join(List<Integer> ids) {
    return String.join("+", ids.stream().map(String::valueOf).toList());
  }

  /** "3>5:120 3>7:40" — the largest {@code limit} flows, then "…". */
  private static String flows(List<ClusterTracker.Flow> flows, int limit) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < flows.size() && i < limit; i++) {
      if (i > 0) sb.append(' ');
      ClusterTracker.Flow f = flows.get(i);
      sb.append(f.from()).append('>').append(f.to()).append(':').append(f.users());
    }
    if (flows.size() > limit) sb.append(" …");
    return sb.toString();
  }

  private static String day(long ts) {
    return java.time.Instant.ofEpochSecond(ts).toString().substring(0, 10);
  }
}
