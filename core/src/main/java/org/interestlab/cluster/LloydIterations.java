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
  private final boolean spherical;
  private final int[] labels;
  private final double[] upper;
  private final double[] lower;
  private final CentroidSearch search;

  private LloydIterations(float[] data, int n, int d, int k, boolean bounded, boolean spherical, CentroidSearch search) {
    this.data = data;
    this.n = n;
    this.d = d;
    this.k = k;
    this.bounded = bounded;
    this.spherical = spherical;
    this.search = search;
    labels = new int[n];
    Arrays.fill(labels, -1);
    upper = new double[n];
    lower = new double[n];
  }

  /**
   * Runs at most {@code maxIter} iterations from {@code centroids} (k × d, not modified).
   *
   * @param data points, row-major; for {@code spherical} already L2-normalised
   * @param tolerance absolute bound on the total squared centre shift that ends the iterations
   */
  static Clustering run(float[] data, int n, int d, int k, float[] centroids, int maxIter, double tolerance,
      boolean bounded, boolean spherical, Device device) {
    double[] norms = new double[n];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        double s = 0;
        for (int t = 0; t < d; t++) s += (double) data[i * d + t] * data[i * d + t];
        norms[i] = Math.sqrt(s);
      }
    });
    try (CentroidSearch search = new CentroidSearch(data, d, k, norms, device)) {
      return new LloydIterations(data, n, d, k, bounded, spherical, search).iterate(centroids.clone(), maxIter, tolerance);
    }
  }

  private Clustering iterate(float[] centroids, int maxIter, double tolerance) {
    if (spherical) centroids = normalized(centroids);
    float[] previous = null;
    int iter = 0;
    boolean converged = false;
    CentroidUpdate.IntList relocated = new CentroidUpdate.IntList();
    while (iter < maxIter && !converged) {
      iter++;
      boolean changed = assign(previous, centroids);
      relocated.clear();
      float[] updated = CentroidUpdate.means(data, n, d, k, labels, centroids, relocated);
      if (spherical) updated = normalized(updated);
      for (int r = 0; r < relocated.size(); r++) {
        // The point's label was changed by the relocation: its bounds say nothing any more.
        upper[relocated.get(r)] = Double.POSITIVE_INFINITY;
        lower[relocated.get(r)] = 0;
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
    int far = 0;
    for (int j = 0; j < k; j++) {
      shift[j] = SquaredDistance.upper(SquaredDistance.between(previous, j * d, centroids, j * d, d));
      if (shift[j] > shift[far]) far = j;
    }
    double secondFarthest = 0;
    for (int j = 0; j < k; j++) if (j != far) secondFarthest = Math.max(secondFarthest, shift[j]);
    final int farIndex = far;
    final double farthest = shift[far];
    final double other = secondFarthest;
    double[] half = halfGaps(centroids);
    boolean[] pending = new boolean[n];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int a = labels[i];
        double u = Math.nextUp(upper[i] + shift[a]);
        double l = Math.max(0, Math.nextDown(lower[i] - (a == farIndex ? other : farthest)));
        double m = Math.max(l, half[a]);
        if (!SquaredDistance.separated(u, m)) {
          u = SquaredDistance.upper(SquaredDistance.between(data, i * d, centroids, a * d, d));
          pending[i] = !SquaredDistance.separated(u, m);
        }
        upper[i] = u;
        lower[i] = l;
      }
    });
    return pending;
  }

  /** Half the distance from each centre to its nearest other centre (a lower bound). */
  private double[] halfGaps(float[] centroids) {
    double[] half = new double[k];
    java.util.stream.IntStream.range(0, k).parallel().forEach(j -> {
      double min = Double.POSITIVE_INFINITY;
      for (int o = 0; o < k; o++) {
        if (o != j) min = Math.min(min, SquaredDistance.between(centroids, j * d, centroids, o * d, d));
      }
      half[j] = k == 1 ? Double.POSITIVE_INFINITY : 0.5 * SquaredDistance.lower(min);
    });
    return half;
  }

  private float[] normalized(float[] centroids) {
    return new Embeddings(k, d, centroids).l2Normalized().data();
  }
}
