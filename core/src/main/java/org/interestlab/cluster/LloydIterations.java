package org.interestlab.cluster;

import java.util.Arrays;
import org.interestlab.compute.Device;
import org.interestlab.encode.Embeddings;

/**
 * Lloyd's iterations from given centres, plain or with Hamerly's bounds (Hamerly 2010, "Making
 * k-means even faster", SIAM SDM), both producing the same labels, centres and iteration count.
 *
 * <p>Every point keeps an upper bound {@code u} on the distance to its centre and a lower bound
 * {@code l} on the distance to any other centre. After an update moves centre {@code j} by
 * {@code p_j}, the triangle inequality gives {@code u += p_own} and {@code l −= max_{j≠own} p_j}.
 * A point whose {@code u} is below {@code max(l, s_own)} (with {@code s_own} half the distance
 * from its centre to the nearest other centre) provably keeps its label; otherwise {@code u} is
 * tightened to the true distance and, if still needed, the point goes to {@link CentroidSearch}
 * with all others that could not be settled. Bounds are rounded outwards and compared with a
 * relative safety margin ({@link SquaredDistance#separated}), so a settled label is exactly the
 * label a full pass would compute. Memory: three numbers per point.
 */
final class LloydIterations {
  private final float[] data;
  private final int n;
  private final int d;
  private final int k;
  private final boolean bounded;
  private final int groups;
  private final int[] groupOf;
  private final boolean spherical;
  private final int[] labels;
  private final double[] upper;
  private final float[] lower;
  private final CentroidSearch search;
  /** Below this many multiply-adds per full pass (n·k·d) plain Java beats starting the engine. */
  static final double ENGINE_MIN_WORK = 1 << 22;

  private LloydIterations(float[] data, int n, int d, int k, boolean bounded, boolean spherical, int[] groupOf, int groups,
      CentroidSearch search) {
    this.data = data;
    this.groupOf = groupOf;
    this.groups = groups;
    this.n = n;
    this.d = d;
    this.k = k;
    this.bounded = bounded;
    this.spherical = spherical;
    this.search = search;
    labels = new int[n];
    Arrays.fill(labels, -1);
    upper = new double[n];
    lower = new float[n * groups];
  }

  /**
   * Runs at most {@code maxIter} iterations from {@code centroids} (k × d, not modified).
   *
   * @param data points, row-major; for {@code spherical} already L2-normalised
   * @param tolerance absolute bound on the total squared centre shift that ends the iterations
   */
  static Clustering run(float[] data, int n, int d, int k, float[] centroids, int maxIter, double tolerance,
      KMeans.Algorithm algorithm, boolean spherical, Device device) {
    boolean bounded = algorithm != KMeans.Algorithm.LLOYD;
    int groups = algorithm == KMeans.Algorithm.YINYANG ? groupCount(n, k) : 1;
    int[] groupOf = CentroidGroups.of(centroids, k, d, groups);
    double[] norms = new double[n];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        double s = 0;
        for (int t = 0; t < d; t++) s += (double) data[i * d + t] * data[i * d + t];
        norms[i] = Math.sqrt(s);
      }
    });
    boolean useEngine = (double) n * k * d >= ENGINE_MIN_WORK;
    try (CentroidSearch search = new CentroidSearch(data, n, d, k, norms, groupOf, groups, useEngine, device)) {
      return new LloydIterations(data, n, d, k, bounded, spherical, groupOf, groups, search)
          .iterate(centroids.clone(), maxIter, tolerance);
    }
  }

  /** Yinyang's k/10 groups, at most 2²⁶ float bounds in all (256 MB). */
  static int groupCount(int n, int k) {
    int byK = Math.max(1, (k + 5) / 10);
    int byMemory = (int) Math.max(1, (1L << 26) / n);
    return Math.min(byK, byMemory);
  }

  private Clustering iterate(float[] centroids, int maxIter, double tolerance) {
    if (spherical) centroids = normalized(centroids);
    float[] previous = null;
    int iter = 0;
    boolean converged = false;
    CentroidUpdate.IntList relocated = new CentroidUpdate.IntList();
    CentroidUpdate update = new CentroidUpdate(data, n, d, k);
    while (iter < maxIter && !converged) {
      iter++;
      boolean changed = assign(previous, centroids);
      relocated.clear();
      float[] updated = update.means(labels, centroids, relocated);
      if (spherical) updated = normalized(updated);
      for (int r = 0; r < relocated.size(); r++) {
        // The point's label was changed by the relocation: its bounds say nothing any more.
        upper[relocated.get(r)] = Double.POSITIVE_INFINITY;
        Arrays.fill(lower, relocated.get(r) * groups, (relocated.get(r) + 1) * groups, 0f);
      }
      double shift = 0;
      for (int i = 0; i < updated.length; i++) {
        double diff = (double) updated[i] - centroids[i];
        shift += diff * diff;
      }
      previous = centroids;
      centroids = updated;
      converged = !changed || shift <= tolerance;
    }
    // Labels for the final centres, as scikit-learn does after its last update.
    assign(previous, centroids);
    double inertia = CentroidUpdate.inertia(data, n, d, labels, centroids);
    return new Clustering(labels, new Embeddings(k, d, centroids), inertia, iter);
  }

  /** Labels for {@code centroids}; {@code previous} are the centres the bounds refer to (null at first). */
  private boolean assign(float[] previous, float[] centroids) {
    search.setCentroids(centroids);
    if (!bounded || previous == null) {
      int[] before = labels.clone();
      search.searchRange(0, n, labels, upper, lower);
      return !Arrays.equals(before, labels);
    }
    boolean[] pending = settle(previous, centroids);
    int count = 0;
    for (boolean p : pending) if (p) count++;
    int[] rows = new int[count];
    int[] before = new int[count];
    for (int i = 0, r = 0; i < n; i++) {
      if (pending[i]) {
        rows[r] = i;
        before[r++] = labels[i];
      }
    }
    search.search(rows, count, labels, upper, lower);
    for (int r = 0; r < count; r++) if (labels[rows[r]] != before[r]) return true;
    return false;
  }

  /** Moves the bounds by the centre shifts; marks the points whose label is not proven. */
  private boolean[] settle(float[] previous, float[] centroids) {
    double[] shift = new double[k];
    for (int j = 0; j < k; j++) shift[j] = SquaredDistance.upper(SquaredDistance.between(previous, j * d, centroids, j * d, d));
    // Per group: the largest shift, which centre has it, and the largest of the others.
    double[] groupMax = new double[groups];
    double[] groupSecond = new double[groups];
    int[] groupArg = new int[groups];
    Arrays.fill(groupArg, -1);
    for (int j = 0; j < k; j++) {
      int g = groupOf[j];
      if (groupArg[g] < 0 || shift[j] > groupMax[g]) {
        groupSecond[g] = groupMax[g];
        groupMax[g] = shift[j];
        groupArg[g] = j;
      } else if (shift[j] > groupSecond[g]) {
        groupSecond[g] = shift[j];
      }
    }
    double[] half = search.halfGaps();
    boolean[] pending = new boolean[n];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int a = labels[i];
        double u = Math.nextUp(upper[i] + shift[a]);
        double l = Double.POSITIVE_INFINITY;
        int own = groupOf[a];
        for (int g = 0, o = i * groups; g < groups; g++, o++) {
          // The own centre is not among a group's bounded centres: skip its shift.
          double moved = g == own && groupArg[g] == a ? groupSecond[g] : groupMax[g];
          float lb = SquaredDistance.floatDown(Math.max(0, Math.nextDown(lower[o] - moved)));
          lower[o] = lb;
          l = Math.min(l, lb);
        }
        double m = Math.max(l, half[a]);
        if (!SquaredDistance.separated(u, m)) {
          u = SquaredDistance.upper(SquaredDistance.between(data, i * d, centroids, a * d, d));
          pending[i] = !SquaredDistance.separated(u, m);
        }
        upper[i] = u;
      }
    });
    return pending;
  }

  private float[] normalized(float[] centroids) {
    return new Embeddings(k, d, centroids).l2Normalized().data();
  }
}
