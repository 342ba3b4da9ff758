package org.interestlab.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The update step of k-means: centres as the means of their members, and empty clusters refilled
 * with the points farthest from their centres.
 *
 * <p>Per-cluster sums are kept in double between iterations and moved only for points whose label
 * changed, so an update costs {@code O(n + changed · d)} instead of {@code O(n d)}; the first one
 * sums every point and later ones move the changed points, both in parallel over slices of the
 * dimensions so that every (cluster, dimension) sum is still added up in point order. Everything is done in point order, so the centres are bit
 * for bit the same on any number of cores and for any assignment path that yields the same labels
 * (the rounding left in the sums after moves is of order 10⁻¹⁶ of their size). Memory:
 * {@code k × d} doubles and one label per point.
 */
final class CentroidUpdate {
  /** Dimensions per parallel task: 16 doubles = two cache lines of sums per row touched. */
  private static final int DIMS_PER_TASK = 16;
  /** Points per parallel task when work is split over points (independent per point). */
  static final int POINTS_PER_TASK = 4096;
  /** Below this many moved values (changed points × d) the moves run on the calling thread. */
  private static final long PARALLEL_MOVES = 1 << 16;

  private final float[] data;
  private final int n;
  private final int d;
  private final int k;
  private final double[] sums;
  private final int[] counts;
  /** The label each point is counted under in {@link #sums}; −1 before the first update. */
  private final int[] summed;

  CentroidUpdate(float[] data, int n, int d, int k) {
    this.data = data;
    this.n = n;
    this.d = d;
    this.k = k;
    sums = new double[k * d];
    counts = new int[k];
    summed = new int[n];
    java.util.Arrays.fill(summed, -1);
  }

  /**
   * New centres for {@code labels}; empty clusters are refilled in place (their points' labels
   * change).
   *
   * @param oldCentroids the centres the labels were computed with (distances for relocation)
   * @param relocated receives the indices of points moved to empty clusters
   * @return the new centres, k × d
   */
  float[] means(int[] labels, float[] oldCentroids, IntList relocated) {
    if (summed[0] < 0) {
      sumAll(labels);
    } else {
      moveChanged(labels);
    }
    relocateEmpty(data, n, d, k, labels, oldCentroids, sums, counts, relocated);
    for (int r = 0; r < relocated.size(); r++) summed[relocated.get(r)] = labels[relocated.get(r)];
    float[] out = new float[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) out[c * d + j] = (float) (sums[c * d + j] / counts[c]);
    }
    return out;
  }

  /**
   * Moves each point whose label changed from its old cluster's sums to its new one. In parallel
   * over slices of the dimensions, each slice taking the points in point order: every (cluster,
   * dimension) sum sees the same operations in the same order as one sequential pass.
   */
  private void moveChanged(int[] labels) {
    IntList changed = new IntList();
    for (int i = 0; i < n; i++) {
      int now = labels[i];
      int was = summed[i];
      if (now == was) continue;
      counts[was]--;
      counts[now]++;
      changed.add(i);
    }
    int tasks = (d + DIMS_PER_TASK - 1) / DIMS_PER_TASK;
    IntStream range = IntStream.range(0, tasks);
    if ((long) changed.size() * d >= PARALLEL_MOVES) range = range.parallel();
    range.forEach(task -> {
      int lo = task * DIMS_PER_TASK;
      int hi = Math.min(d, lo + DIMS_PER_TASK);
      for (int c = 0; c < changed.size(); c++) {
        int i = changed.get(c);
        int off = i * d;
        int from = summed[i] * d;
        int to = labels[i] * d;
        for (int j = lo; j < hi; j++) {
          sums[from + j] -= data[off + j];
          sums[to + j] += data[off + j];
        }
      }
    });
    for (int c = 0; c < changed.size(); c++) summed[changed.get(c)] = labels[changed.get(c)];
  }

  private void sumAll(int[] labels) {
    for (int i = 0; i < n; i++) counts[labels[i]]++;
    int tasks = (d + DIMS_PER_TASK - 1) / DIMS_PER_TASK;
    IntStream.range(0, tasks).parallel().forEach(task -> {
      int from = task * DIMS_PER_TASK;
      int to = Math.min(d, from + DIMS_PER_TASK);
      for (int i = 0; i < n; i++) {
        int base = labels[i] * d;
        int off = i * d;
        for (int j = from; j < to; j++) sums[base + j] += data[off + j];
      }
    });
    System.arraycopy(labels, 0, summed, 0, n);
  }

  /**
   * Each empty cluster takes the point farthest from its centre (by {@link SquaredDistance}, ties
   * to the lower index) among clusters that keep at least one member, as scikit-learn does.
   */
  private static void relocateEmpty(float[] data, int n, int d, int k, int[] labels, float[] centroids, double[] sums,
      int[] counts, IntList relocated) {
    int empty = 0;
    for (int c : counts) if (c == 0) empty++;
    if (empty == 0) return;
    double[] dist = new double[n];
    forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) dist[i] = SquaredDistance.between(data, i * d, centroids, labels[i] * d, d);
    });
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[b], dist[a]) : Integer.compare(a, b));
    int next = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] != 0) continue;
      int p;
      do {
        p = order[next++];
      } while (counts[labels[p]] <= 1);
      int old = labels[p];
      counts[old]--;
      for (int j = 0; j < d; j++) {
        sums[old * d + j] -= data[p * d + j];
        sums[c * d + j] = data[p * d + j];
      }
      counts[c] = 1;
      labels[p] = c;
      relocated.add(p);
    }
  }

  /** Σ reference squared distance of each point to its centre, summed in point order. */
  static double inertia(float[] data, int n, int d, int[] labels, float[] centroids) {
    int tasks = (n + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
    double[] partial = new double[tasks];
    IntStream.range(0, tasks).parallel().forEach(t -> {
      double s = 0;
      for (int i = t * POINTS_PER_TASK, end = Math.min(n, i + POINTS_PER_TASK); i < end; i++) {
        s += SquaredDistance.between(data, i * d, centroids, labels[i] * d, d);
      }
      partial[t] = s;
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }

  /** Runs {@code body} over fixed blocks of points in parallel; blocks must write disjoint data. */
  static void forEachPointBlock(int n, PointBlock body) {
    int tasks = (n + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
    IntStream.range(0, tasks).parallel().forEach(t -> body.run(t * POINTS_PER_TASK, Math.min(n, (t + 1) * POINTS_PER_TASK)));
  }

  interface PointBlock {
    void run(int from, int to);
  }

  /** A growable list of ints (point indices), without boxing. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return values[i];
    }

    void clear() {
      size = 0;
    }
  }
}
