package org.interestlab.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The update step of k-means: centres as the means of their members, and empty clusters refilled
 * with the points farthest from their centres.
 *
 * <p>Per-cluster sums are kept in double between iterations. While few labels change (at most n /
 * {@link #RESUM_SHARE}) only the changed points are moved, in parallel over slices of the
 * dimensions so that every (cluster, dimension) sum sees the moves in point order; otherwise the
 * sums are recomputed from fixed blocks of points ({@link #sumAll}). Which is done, and in what
 * order, depends only on the labels and on n, k and d, so the centres are bit for bit the same on
 * any number of cores and for any assignment path that yields the same labels. Memory: {@code k × d}
 * doubles, one label per point, and up to {@link #PARTIAL_BUDGET} doubles of partial sums while
 * summing.
 */
final class CentroidUpdate {
  /** Dimensions per parallel task: 16 doubles = two cache lines of sums per row touched. */
  private static final int DIMS_PER_TASK = 96;
  /** Points per parallel task when work is split over points (independent per point). */
  static final int POINTS_PER_TASK = 4096;
  /** Below this many moved values (changed points × d) the moves run on the calling thread. */
  private static final long PARALLEL_MOVES = 1 << 16;
  /**
   * Above n / this many changed points the sums are recomputed instead of moved: a move touches
   * two rows of sums per point, a fresh sum one, and the moves leave rounding behind.
   */
  private static final int RESUM_SHARE = 8;
  /** Blocks of points summed side by side by {@link #sumAll}, at most. */
  private static final int SUM_BLOCKS = 16;
  /** Doubles of partial sums {@link #sumAll} may hold at once (64 MB). */
  private static final long PARTIAL_BUDGET = 1L << 23;

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
    IntList changed = summed[0] < 0 ? null : changed(labels);
    if (changed == null || changed.size() > n / RESUM_SHARE) {
      sumAll(labels);
    } else {
      moveChanged(labels, changed);
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
  private void moveChanged(int[] labels, IntList changed) {
    for (int c = 0; c < changed.size(); c++) {
      int i = changed.get(c);
      counts[summed[i]]--;
      counts[labels[i]]++;
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

  /** The points whose labels differ from the ones their sums are counted under, in point order. */
  private IntList changed(int[] labels) {
    IntList changed = new IntList();
    for (int i = 0; i < n; i++) if (labels[i] != summed[i]) changed.add(i);
    return changed;
  }

  /**
   * Sums of every cluster from scratch: fixed blocks of consecutive points summed in parallel,
   * each into its own k × d partial sums, which are then added up in block order. The blocks depend
   * only on n, k and d, so the sums are the same on any number of cores; rows are read in order.
   */
  private void sumAll(int[] labels) {
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) counts[labels[i]]++;
    int size = k * d;
    int blocks = (int) Math.max(1, Math.min(Math.min(SUM_BLOCKS, n / 1024), PARTIAL_BUDGET / size));
    double[][] partial = new double[blocks][];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      double[] p = new double[size];
      for (int i = (int) ((long) n * b / blocks), end = (int) ((long) n * (b + 1) / blocks); i < end; i++) {
        int base = labels[i] * d;
        int off = i * d;
        for (int j = 0; j < d; j++) p[base + j] += data[off + j];
      }
      partial[b] = p;
    });
    int slices = (size + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
    IntStream.range(0, slices).parallel().forEach(t -> {
      for (int v = t * POINTS_PER_TASK, end = Math.min(size, v + POINTS_PER_TASK); v < end; v++) {
        double total = partial[0][v];
        for (int b = 1; b < blocks; b++) total += partial[b][v];
        sums[v] = total;
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
