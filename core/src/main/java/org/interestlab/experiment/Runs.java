package org.interestlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
import org.interestlab.plot.InterestTree;
import tech.tablesaw.api.Table;

/**
 * Run folders as data: one run, or every finished run under a folder (searched recursively; folders
 * still being written, {@code .tmp-…}, are skipped), as Tablesaw tables with a {@code run} column (the
 * folder's path below the loaded folder) so runs can be compared, filtered and plotted.
 *
 * <table>
 * <caption>Tables</caption>
 * <tr><th>method</th><th>columns</th><th>from</th></tr>
 * <tr><td>{@link #metrics()}</td><td>run, name, component, metric, value, ci_low, ci_high, then each config key (other
 *   than name) whose value differs between the runs</td><td>metrics.csv, metrics.json</td></tr>
 * <tr><td>{@link #configs()}</td><td>run, then every config key (dotted, as text)</td><td>config.yaml</td></tr>
 * <tr><td>{@link #perUser()}</td><td>run, user_id, recommender, num_relevant, one per metric</td><td>per_user.csv</td></tr>
 * <tr><td>{@link #timings()}</td><td>run, stage, seconds</td><td>timings.json</td></tr>
 * <tr><td>{@link #clusters()}</td><td>run, user_id, cluster, truth (when planted)</td><td>clusters.csv</td></tr>
 * <tr><td>{@link #windowClusters()}</td><td>run, window, start, cluster, size</td><td>window_clusters.csv</td></tr>
 * <tr><td>{@link #events()}</td><td>run, window, start, end, event, from, to, flows, keywords</td><td>events.csv</td></tr>
 * </table>
 * A run without a file contributes no rows to its table. Values missing in a run are NaN (numbers)
 * or "" (text).
 *
 * <pre>{@code
 * Runs runs = Runs.load(Path.of("experiments/runs"));
 * Runs kmeans = runs.where("clusterer.kind", "kmeans");
 * Table ndcg = kmeans.metrics().where(kmeans.metrics().stringColumn("metric").isEqualTo("ndcg@10"));
 * PlotlyFigure bars = MetricBars.of(kmeans.metrics(), "ndcg@10");
 * }</pre>
 */
public final class Runs {
  private final List<RunFolder> runs;

  private Runs(List<RunFolder> runs) {
    this.runs = List.copyOf(runs);
  }

  /** {@code folder} itself when it is a run, else every run below it, in path order. */
  public static Runs load(Path folder) {
    if (!Files.isDirectory(folder)) throw new UserException(folder + ": no such folder of runs");
    if (RunFolder.isRun(folder)) return new Runs(List.of(RunFolder.read(folder, folder.getFileName().toString())));
    List<RunFolder> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(folder)) {
      s.filter(Files::isDirectory)
          .filter(p -> !hidden(folder, p))
          .filter(RunFolder::isRun).sorted()
          .forEach(p -> found.add(RunFolder.read(p, folder.relativize(p).toString())));
    } catch (IOException e) {
      throw new UserException(folder + ": cannot list runs (" + e.getMessage() + ")");
    }
    return new Runs(found);
  }

  /** Runs read elsewhere, as one set. */
  public static Runs of(List<RunFolder> runs) {
    return new Runs(runs);
  }

  /** A folder being written ({@code .tmp-…}) or any other hidden folder on the way down is no finished run. */
  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) if (part.toString().startsWith(".")) return true;
    return false;
  }

  public List<RunFolder> runs() {
    return runs;
  }

  public int size() {
    return runs.size();
  }

  /** The runs whose config has {@code key} (dotted, as in {@code --set}) equal to {@code value} as YAML prints it. */
  public Runs where(String key, String value) {
    return where(r -> Objects.equals(r.config().get(key), value));
  }

  public Runs where(Predicate<RunFolder> keep) {
    return new Runs(runs.stream().filter(keep).toList());
  }

  /** One run by id (as in the {@code run} column). */
  public RunFolder run(String id) {
    return runs.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new UserException("no run '" + id + "' among " + runs.stream().map(RunFolder::id).toList()));
  }

  /** Config keys whose values differ between these runs (a key absent from a run counts as ""), in first-seen order. */
  public List<String> varyingConfigKeys() {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.config().keySet()));
    List<String> out = new ArrayList<>();
    for (String k : keys) if (runs.stream().map(r -> r.config().getOrDefault(k, "")).distinct().count() > 1) out.add(k);
    return out;
  }

  public Table configs() {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.config().keySet()));
    Set<String> text = new LinkedHashSet<>(keys);
    text.add("run");
    RunTableBuilder b = new RunTableBuilder("configs", text).column("run");
    for (RunFolder r : runs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("run", r.id());
      for (String k : keys) row.put(k, r.config().getOrDefault(k, ""));
      b.add(row);
    }
    return b.build();
  }

  public Table metrics() {
    // "name" varies across a sweep's variants but already has its column.
    List<String> varying = varyingConfigKeys().stream().filter(k -> !k.equals("name")).toList();
    Set<String> text = new LinkedHashSet<>(List.of("run", "name", "component", "metric"));
    text.addAll(varying);
    RunTableBuilder b = new RunTableBuilder("metrics", text);
    for (String c : List.of("run", "name", "component", "metric", "value", "ci_low", "ci_high")) b.column(c);
    for (RunFolder r : runs) {
      Path csv = r.file("metrics.csv");
      if (csv == null) continue;
      for (CsvRow row : CsvTable.read(csv, List.of("component", "metric", "value"))) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", r.id());
        out.put("name", r.name());
        out.put("component", row.get("component"));
        out.put("metric", row.get("metric"));
        out.put("value", row.get("value"));
        List<?> ci = interval(r, row.get("component"), row.get("metric"));
        out.put("ci_low", ci == null ? null : ci.get(0));
        out.put("ci_high", ci == null ? null : ci.get(1));
        for (String k : varying) out.put(k, r.config().getOrDefault(k, ""));
        b.add(out);
      }
    }
    return b.build();
  }

  /** metrics.json → recommenders → component → ci → metric: [low, high], or null. */
  private static List<?> interval(RunFolder r, String component, String metric) {
    if (r.metrics().get("recommenders") instanceof Map<?, ?> recs && recs.get(component) instanceof Map<?, ?> rec
        && rec.get("ci") instanceof Map<?, ?> ci && ci.get(metric) instanceof List<?> bounds && bounds.size() == 2) {
      return bounds;
    }
    return null;
  }

  public Table perUser() {
    return csvTable("per_user", RunPerUser.FILE, Set.of("run", "user_id", "recommender"));
  }

  public Table clusters() {
    return csvTable("clusters", "clusters.csv", Set.of("run", "user_id"));
  }

  public Table windowClusters() {
    return csvTable("window_clusters", DynamicInterestsJob.WINDOW_CLUSTERS, Set.of("run", "start"));
  }

  public Table events() {
    return csvTable("events", "events.csv", Set.of("run", "start", "end", "event", "from", "to", "flows", "keywords"));
  }

  public Table timings() {
    RunTableBuilder b = new RunTableBuilder("timings", Set.of("run", "stage"));
    for (RunFolder r : runs) {
      Path f = r.file("timings.json");
      if (f == null) continue;
      Map<?, ?> m = readJson(f);
      m.forEach((stage, v) -> {
        if (v instanceof Number n) b.add(Map.of("run", r.id(), "stage", stage.toString(), "seconds", n));
      });
    }
    return b.column("run").column("stage").column("seconds").build();
  }

  /**
   * The interest hierarchy a run wrote ({@code hierarchy.json}) as the nodes {@link InterestTree} draws,
   * or an empty list when the run has none.
   */
  public List<InterestTree.Node> hierarchy(String runId) {
    Path f = run(runId).file("hierarchy.json");
    if (f == null) return List.of();
    List<InterestTree.Node> out = new ArrayList<>();
    if (readJson(f).get("coarse") instanceof List<?> coarse) for (Object n : coarse) addNode(out, n, null);
    return Collections.unmodifiableList(out);
  }

  private static void addNode(List<InterestTree.Node> out, Object node, String parent) {
    if (!(node instanceof Map<?, ?> m)) return;
    String id = String.valueOf(m.get("id"));
    List<String> keywords = m.get("keywords") instanceof List<?> k ? k.stream().map(String::valueOf).toList() : List.of();
    out.add(new InterestTree.Node(id, parent, ((Number) m.get("size")).intValue(), keywords));
    if (m.get("children") instanceof List<?> children) for (Object c : children) addNode(out, c, id);
  }

  private static Map<?, ?> readJson(Path f) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(f.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UserException(f + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private Table csvTable(String name, String file, Set<String> text) {
    RunTableBuilder b = new RunTableBuilder(name, text).column("run");
    for (RunFolder r : runs) {
      Path f = r.file(file);
      if (f == null) continue;
      try (CsvTable t = CsvTable.open(f)) {
        List<String> header = t.header();
        header.forEach(b::column);
        for (CsvRow row : t) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("run", r.id());
          for (String c : header) out.put(c, row.get(c));
          b.add(out);
        }
      }
    }
    return b.build();
  }
}
