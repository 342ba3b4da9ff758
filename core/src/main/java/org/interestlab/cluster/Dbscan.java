package org.interestlab.cluster;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * DBSCAN (Ester, Kriegel, Sander &amp; Xu, "A density-based algorithm for discovering clusters in
 * large spatial databases with noise", KDD 1996), as scikit-learn's {@code DBSCAN}: a point is a
 * core point when at least {@code minSamples} points (itself included) lie within distance
 * {@code eps}; clusters are the connected groups of core points plus the points within {@code eps}
 * of them; everything else is noise, label −1. Clusters are numbered in order of their
 * lowest-index core point and a border point reachable from several clusters joins the lowest
 * numbered one, which is scikit-learn's numbering, so the label arrays are identical.
 *
 * <p>Neighbour search is blocked: for a block of rows, all distances to every point come from one
 * float32 matrix product on DJL's PyTorch engine ({@link BlockedProducts}, the routine k-means uses,
 * with its exactness rule): a pair is decided from the product only when the proven rounding bound
 * puts its distance clearly inside or outside {@code eps}; otherwise it is re-checked with the
 * reference double-precision distance ({@link SquaredDistance#between}; for cosine, the double
 * cosine). So the neighbour sets are those of the reference computation, whatever the engine's
 * rounding. Cosine distance is 1 − x·y / (‖x‖‖y‖); zero vectors are rejected.
 *
 * <p>Cost: O(n² d) time for the search, O(n + number of neighbour pairs) memory (a large
 * {@code eps} on dense data approaches n² pairs). {@link Clustering#centroids()} holds the means of
 * the clusters (noise excluded), inertia is over the clustered points, iterations is 1.
 *
 * <pre>{@code
 * Clustering c = new Dbscan(0.3, 5, DistanceMetric.COSINE, "cpu").fit(vectors);
 * }</pre>
 *
 * @param eps neighbourhood radius (&gt; 0)
 * @param minSamples points within eps, itself included, that make a core point (≥ 1)
 * @param metric point distance
 * @param device {@code auto | cpu | gpu} for the distance products
 */
public record Dbscan(double eps, int minSamples, DistanceMetric metric, String device) implements Clusterer {
  static final String KIND = "dbscan";

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("eps", 0.5, 0, Double.MAX_VALUE, true, "neighbourhood radius"),
      integer("min_samples", 5, 1, 1_000_000, "points within eps (itself included) that make a core point"),
      choice("metric", "euclidean", List.of("euclidean", "cosine"), "point distance"),
      choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed"));

  /** The config's {@code clusterer: { kind: dbscan }}. */
  public static final ComponentSpec<Dbscan> SPEC =
      new ComponentSpec<>(KIND, "density-based clusters, noise labelled -1", PARAMS, (p, seed) -> from(p));

  /** A null {@code metric} or {@code device} takes its declared default. */
  public Dbscan {
    if (metric == null) metric = DistanceMetric.parse((String) PARAMS.spec("metric").defaultValue());
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("eps", eps);
    PARAMS.check("min_samples", minSamples);
    PARAMS.check("device", device);
  }

  /** Built from validated parameters (see {@link #PARAMS}), as a config builds it. */
  public static Dbscan from(Params p) {
    return new Dbscan(p.getDouble("eps"), p.getInt("min_samples"), DistanceMetric.parse(p.getString("metric")), p.getString("device"));
  }

  /** Every parameter at the config's default: eps 0.5, min_samples 5, euclidean, CPU. */
  public static Dbscan defaults() {
    return from(PARAMS.defaults());
  }

  @Override
  public Clustering fit(Embeddings points) {
    ClusterChecks.points(KIND, points);
    if (metric == DistanceMetric.COSINE) ClusterChecks.noZeroRows(KIND, points);
    int n = points.rows();
    int[][] neighbours = neighbours(points);
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) core[i] = neighbours[i].length >= minSamples;
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int cluster = 0;
    int[] stack = new int[n];
    for (int seed = 0; seed < n; seed++) {
      if (labels[seed] != -1 || !core[seed]) continue;
      // Depth-first expansion from the lowest unlabelled core point; border points are not expanded.
      int top = 0;
      stack[top++] = seed;
      labels[seed] = cluster;
      while (top > 0) {
        int p = stack[--top];
        if (!core[p]) continue;
        for (int q : neighbours[p]) {
          if (labels[q] == -1) {
            labels[q] = cluster;
            stack[top++] = q;
          }
        }
      }
      cluster++;
    }
    return ClusterStats.of(points, labels, cluster, 1);
  }

  /** Indices within eps of each point (itself included), in increasing order. */
  private int[][] neighbours(Embeddings x) {
    int n = x.rows();
    int d = x.dim();
    float[] data = x.data();
    boolean cosine = metric == DistanceMetric.COSINE;
    double[] norms = new double[n];
    double[] squares = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int t = 0; t < d; t++) s += (double) data[i * d + t] * data[i * d + t];
      squares[i] = s;
      norms[i] = Math.sqrt(s);
    }
    float[] rows = data;
    if (cosine) {
      rows = new float[data.length];
      for (int i = 0; i < n; i++) for (int t = 0; t < d; t++) rows[i * d + t] = (float) (data[i * d + t] / norms[i]);
    }
    double eps2 = eps * eps;
    int[][] out = new int[n][];
    try (BlockedProducts engine = new BlockedProducts(d, n, n, Device.resolve(device, KIND + ".device"))) {
      engine.setColumns(rows, n);
      // Cosine: the rows are x/‖x‖ rounded to float, each within u of the unit vector (norm ≤ 1 + u),
      // so their product is within productError(1 + u, 1 + u) / 2 of its float value and within
      // 2u + u² of the exact cosine.
      double cosineError = engine.productError(1 + BlockedProducts.U, 1 + BlockedProducts.U) + 3 * BlockedProducts.U;
      float[] rowsOnEngine = rows;
      for (int start = 0; start < n; start += engine.blockRows()) {
        int end = Math.min(n, start + engine.blockRows());
        float[] products = engine.products(rowsOnEngine, null, start, end - start);
        int blockStart = start;
        // Rows are independent, so the parallel scan gives the same neighbour lists as a sequential one.
        IntStream.range(start, end).parallel().forEach(i -> {
          int[] buf = new int[64];
          int count = 0;
          int off = (i - blockStart) * n;
          for (int j = 0; j < n; j++) {
            // ‖x‖² + ‖y‖² − 2 x·y is formed here rather than on the engine, which saves three passes over the block.
            double v = cosine ? 1.0 - products[off + j] : squares[i] + squares[j] - 2.0 * products[off + j];
            double err = cosine ? cosineError : engine.productError(norms[i], norms[j]);
            double limit = cosine ? eps : eps2;
            // Outside or inside by more than the proven error: decided; else (or not finite) the reference decides.
            if (v - err > limit) continue;
            if (!(v + err < limit) && !within(data, i, j, d, norms, cosine, eps2)) continue;
            if (count == buf.length) buf = Arrays.copyOf(buf, 2 * count);
            buf[count++] = j;
          }
          out[i] = Arrays.copyOf(buf, count);
        });
      }
    }
    return out;
  }

  /** The reference test, in double: {@link SquaredDistance#between} ≤ eps², or 1 − cos ≤ eps. */
  private boolean within(float[] data, int i, int j, int d, double[] norms, boolean cosine, double eps2) {
    if (i == j) return true;
    if (!cosine) return SquaredDistance.between(data, i * d, data, j * d, d) <= eps2;
    double s = 0;
    for (int t = 0; t < d; t++) s += (double) data[i * d + t] * data[j * d + t];
    return 1.0 - s / (norms[i] * norms[j]) <= eps;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Dbscan[eps=%s, min_samples=%d, metric=%s]", eps, minSamples, metric.configName());
  }
}
