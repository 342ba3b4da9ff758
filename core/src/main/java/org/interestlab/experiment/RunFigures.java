package org.interestlab.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;
import org.interestlab.plot.ClusterSizes;
import org.interestlab.plot.InterestTree;
import org.interestlab.plot.InterestsOverTime;
import org.interestlab.plot.MetricBars;
import org.interestlab.plot.PlotlyFigure;
import org.interestlab.plot.Projection;
import tech.tablesaw.api.Table;

/**
 * The figures that apply to one finished run, by title, in the order {@code report.html} shows them:
 * one bar chart per ranking metric (recommenders with their 95% intervals), cluster sizes, the 2-D
 * projection of user vectors coloured by cluster (when the run wrote {@code user_vectors.npy}, see
 * {@code outputs: {vectors: true}}, or the caller passes the vectors), the interest hierarchy as a
 * treemap, and interests over time with their events.
 *
 * <pre>{@code
 * Map<String, PlotlyFigure> figures = RunFigures.of(Path.of("experiments/runs/20261203T120000Z-quickstart-c500a142-1"));
 * figures.get("ndcg@10");   // display in a notebook cell
 * }</pre>
 */
public final class RunFigures {
  /** Most points drawn in a projection; larger runs show an evenly spaced subset of users. */
  static final int MAX_PROJECTED = 5000;
  /** Seed of the projection's randomized SVD (the picture must not change between renders). */
  private static final long PROJECTION_SEED = 42L;

  private RunFigures() {}

  /** The figures of the run in {@code folder}, reading user vectors from its {@code user_vectors.npy} if there. */
  public static Map<String, PlotlyFigure> of(Path folder) {
    Runs run = Runs.load(folder);
    if (run.size() != 1) throw new UserException(folder + ": not a run folder (it holds " + run.size() + " runs)");
    RunFolder r = run.runs().get(0);
    Path npy = r.file(RunOutputs.USER_VECTORS);
    Embeddings vectors = null;
    if (npy != null) {
      try {
        vectors = Npy.read(npy);
      } catch (IOException e) {
        throw new UserException(npy + ": cannot read (" + e.getMessage() + ")");
      }
    }
    return of(run, vectors);
  }

  /**
   * The figures of a single loaded run; {@code userVectors} (one row per line of {@code clusters.csv},
   * or null) adds the projection.
   */
  public static Map<String, PlotlyFigure> of(Runs run, Embeddings userVectors) {
    RunFolder r = run.runs().get(0);
    Map<String, PlotlyFigure> out = new LinkedHashMap<>();
    Table metrics = run.metrics();
    Set<String> recommenders = r.metrics().get("recommenders") instanceof Map<?, ?> m ? names(m.keySet()) : Set.of();
    Table recMetrics = metrics.where(metrics.stringColumn("component").isIn(recommenders));
    for (String metric : new LinkedHashSet<>(recMetrics.stringColumn("metric").asList())) out.put(metric, MetricBars.of(recMetrics, metric));

    if (r.metrics().get("clusterer") instanceof Map<?, ?> c && c.get("sizes") instanceof List<?> sizes && !sizes.isEmpty()) {
      out.put("cluster sizes", ClusterSizes.of(sizes.stream().mapToInt(o -> ((Number) o).intValue()).toArray()));
    }
    if (userVectors != null) {
      int[] labels = userLabels(r, run.clusters());
      if (labels != null && labels.length == userVectors.rows()) {
        out.put("user vectors (PCA)", projection(userVectors, labels, run.clusters().stringColumn("user_id").asList()));
      }
    }
    List<InterestTree.Node> tree = run.hierarchy(r.id());
    if (!tree.isEmpty()) out.put("interest hierarchy", InterestTree.treemap(tree));
    Table sizes = run.windowClusters();
    if (sizes.rowCount() > 0) out.put("interests over time", InterestsOverTime.of(sizes, run.events()));
    return out;
  }

  /**
   * Each user's cluster from clusters.csv, or, in a run without a clusterer, the coarse interest of
   * hierarchy.csv (users absent there, −1); null when the run groups users neither way.
   */
  private static int[] userLabels(RunFolder r, Table clusters) {
    int[] labels = new int[clusters.rowCount()];
    boolean any = false;
    for (int i = 0; i < labels.length; i++) {
      double c = clusters.doubleColumn("cluster").getDouble(i);
      labels[i] = Double.isNaN(c) ? -1 : (int) c;
      any |= labels[i] >= 0;
    }
    if (any) return labels;
    Path hierarchy = r.file("hierarchy.csv");
    if (hierarchy == null) return null;
    Map<String, Integer> coarse = new java.util.HashMap<>();
    for (CsvRow row : CsvTable.read(hierarchy, List.of("user_id", "coarse", "fine"))) coarse.put(row.get("user_id"), row.getInt("coarse", "an integer"));
    for (int i = 0; i < labels.length; i++) labels[i] = coarse.getOrDefault(clusters.stringColumn("user_id").get(i), -1);
    return labels;
  }

  private static PlotlyFigure projection(Embeddings vectors, int[] allLabels, List<String> allIds) {
    int n = vectors.rows();
    int step = (n + MAX_PROJECTED - 1) / MAX_PROJECTED;
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < n; i += step) kept.add(i);
    int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
    int[] labels = new int[rows.length];
    List<String> ids = new ArrayList<>();
    for (int j = 0; j < rows.length; j++) {
      labels[j] = allLabels[rows[j]];
      ids.add(allIds.get(rows[j]));
    }
    return Projection.pca(step == 1 ? vectors : vectors.select(rows), labels, ids, PROJECTION_SEED);
  }

  private static Set<String> names(Set<?> keys) {
    Set<String> s = new LinkedHashSet<>();
    keys.forEach(k -> s.add(String.valueOf(k)));
    return s;
  }
}
