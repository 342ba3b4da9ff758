package org.interestlab.cluster;

import java.util.Arrays;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;

/**
 * Lloyd's iterations from given centres, plain or with distance bounds — Hamerly's (Hamerly 2010,
 * "Making k-means even faster", SIAM SDM), Elkan's per-centre bounds (Elkan 2003, "Using the
 * triangle inequality to accelerate k-means", ICML) or Yinyang's group bounds (Ding et al. 2015,
 * "Yinyang K-Means", ICML) — all producing the same labels, centres and iteration count.
 *
 * <p>Every point keeps an upper bound {@code u} on the distance to its centre and lower bounds on
 * the distance to the other centres: one per group of centres (one group for Hamerly, about k/10
 * for Yinyang, one per centre for Elkan) plus their minimum. After an update moves centre {@code j} by {@code p_j}, the
 * triangle inequality gives {@code u += p_own} and {@code l −= max p_j} over the centres the bound
 * covers. A point whose {@code u} is below {@code max(l, s_own)} (with {@code s_own} half the
 * distance from its centre to the nearest other centre) provably keeps its label; otherwise
 * {@code u} is tightened to the true distance and, if still needed, the point goes to
 * {@link CentroidSearch} with all others that could not be settled. Bounds are rounded outwards
 * and compared with a relative safety margin ({@link SquaredDistance#separated}), so a settled
 * label is exactly the label a full pass would compute. Tightening {@code u} and the centre-to-centre
 * distances use float distances with a proven error bound ({@link BoundedDistance}, on the Vector
 * API when the JVM has it). With Elkan's bounds an open point whose bounds leave only a few centres
 * ({@link #LOCAL_SHARE} of k) is decided here from their float distances (the reference ones when
 * those cannot separate the nearest), without a row of products. Memory: 3 numbers per point plus
 * one float per group, and an int stamp.
 */
final class LloydIterations {
  private final float[] data;
  private final int n;
  private final int d;
  private final int k;
  private final boolean bounded;
  /** Elkan's bounds: one group per centre, and open points first try the few centres their bounds leave. */
  private final boolean elkan;
  private final int groups;
  private final int[] groupOf;
  private final boolean spherical;
  private final int[] labels;
  private final double[] upper;
  private final float[] lower;
  /** min over the groups of {@link #lower} when refreshed, moved every epoch by the largest shift. */
  private final double[] lowerMin;
  /** The epoch at which each point's group bounds were computed. */
  private final int[] stamp;
  /** Per epoch and group, the summed largest shifts since the start, rounded up and down. */
  private final java.util.List<double[]> movedUp = new java.util.ArrayList<>();
  private final java.util.List<double[]> movedDown = new java.util.ArrayList<>();
  private int epoch;
  private final CentroidSearch search;
  /** Float distances with proven bounds, for tightening bounds and Elkan's local step. */
  private final BoundedDistance fast;
  /** Below this many multiply-adds per full pass (n·k·d) plain Java beats starting the engine. */
  static final double ENGINE_MIN_WORK = 1 << 22;
  /** Above this share of open points, bounds are not tightened before the search. */
  private static final double TIGHTEN_LIMIT = 0.7;
  /** {@link #TIGHTEN_LIMIT} with Elkan's bounds: 0.9 measured faster than never skipping (the first bounded iteration). */
  private static final double ELKAN_TIGHTEN_LIMIT = 0.9;
  /**
   * Elkan: an open point whose bounds leave at most this share of the centres gets their float
   * distances in Java (about 40 ns each at d = 384); above it, one row of the matrix product (all
   * k, about 6 ns each plus the row's copy and scan) is cheaper. 0.2 measured about 8 % faster
   * than 0.06 in whole fits at k = 100 (jmh/compare/kmeans_compare.sh data).
   */
  static final double LOCAL_SHARE = 0.2;

  private LloydIterations(float[] data, int n, int d, int k, boolean bounded, boolean elkan, boolean spherical, int[] groupOf,
      int groups, CentroidSearch search) {
    this.data = data;
    this.elkan = elkan;
    this.groupOf = groupOf;
    this.groups = groups;
    this.n = n;
    this.d = d;
    this.k = k;
    this.bounded = bounded;
    this.spherical = spherical;
    this.search = search;
    this.fast = new BoundedDistance(d);
    labels = new int[n];
    Arrays.fill(labels, -1);
    upper = new double[n];
    lower = new float[n * groups];
    lowerMin = new double[n];
    stamp = new int[n];
    movedUp.add(new double[groups]);
    movedDown.add(new double[groups]);
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
    boolean elkan = algorithm == KMeans.Algorithm.ELKAN;
    int groups = algorithm == KMeans.Algorithm.YINYANG ? groupCount(n, k) : elkan ? k : 1;
    int[] groupOf;
    if (elkan) {
      groupOf = new int[k];
      for (int j = 0; j < k; j++) groupOf[j] = j;
    } else {
      groupOf = CentroidGroups.of(centroids, k, d, groups);
    }
    double[] norms = new double[n];
    float[] origin = new float[d];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) norms[i] = Math.sqrt(SquaredDistance.between(data, i * d, origin, 0, d));
    });
    boolean useEngine = (double) n * k * d >= ENGINE_MIN_WORK;
    try (CentroidSearch search = new CentroidSearch(data, n, d, k, norms, groupOf, groups, useEngine, device)) {
      return new LloydIterations(data, n, d, k, bounded, elkan, spherical, groupOf, groups, search)
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
        lowerMin[relocated.get(r)] = 0;
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
      CentroidUpdate.forEachPointBlock(n, (from, to) -> {
        for (int i = from; i < to; i++) refreshed(i);
      });
      return !Arrays.equals(before, labels);
    }
    byte[] state = settle(previous, centroids);
    int count = 0;
    boolean changed = false;
    for (byte s : state) {
      if (s == OPEN) count++;
      else if (s == MOVED) changed = true;
    }
    int[] rows = new int[count];
    int[] before = new int[count];
    for (int i = 0, r = 0; i < n; i++) {
      if (state[i] == OPEN) {
        rows[r] = i;
        before[r++] = labels[i];
      }
    }
    search.search(rows, count, labels, upper, lower);
    for (int r = 0; r < count; r++) {
      refreshed(rows[r]);
      if (labels[rows[r]] != before[r]) changed = true;
    }
    return changed;
  }

  /** Point i's group bounds were just computed for the current centres. */
  private void refreshed(int i) {
    stamp[i] = epoch;
    lowerMin[i] = fast.rowMin(lower, i * groups, groups);
  }

  /** What {@link #settle} found for a point: label proven, left for the search, or decided (and changed) here. */
  private static final byte KEPT = 0;
  private static final byte OPEN = 1;
  private static final byte MOVED = 2;

  /**
   * Moves the bounds by the centre shifts; marks the points whose label is not proven. First the
   * point's overall lower bound (moved by the largest shift of any other centre, as Hamerly's);
   * only if that fails, its group bounds, each moved by the summed largest shifts of its group
   * since they were computed (Yinyang's) — so a settled point costs O(1), not O(groups). With
   * Elkan's bounds an open point whose bounds leave few centres is decided here from their
   * reference distances ({@link #local}).
   */
  private byte[] settle(float[] previous, float[] centroids) {
    double[] shift = new double[k];
    int far = 0;
    for (int j = 0; j < k; j++) {
      shift[j] = SquaredDistance.upper(SquaredDistance.between(previous, j * d, centroids, j * d, d));
      if (shift[j] > shift[far]) far = j;
    }
    double secondFarthest = 0;
    for (int j = 0; j < k; j++) if (j != far) secondFarthest = Math.max(secondFarthest, shift[j]);
    double[] groupMax = new double[groups];
    for (int j = 0; j < k; j++) groupMax[groupOf[j]] = Math.max(groupMax[groupOf[j]], shift[j]);
    double[] up = movedUp.get(epoch).clone();
    double[] down = movedDown.get(epoch).clone();
    for (int g = 0; g < groups; g++) {
      up[g] = Math.nextUp(up[g] + groupMax[g]);
      down[g] = Math.max(0, Math.nextDown(down[g] + groupMax[g]));
    }
    epoch++;
    movedUp.add(up);
    movedDown.add(down);
    final int farIndex = far;
    final double farthest = shift[far];
    final double other = secondFarthest;
    float[] halfPairs = elkan ? halfPairs(centroids) : null;
    double[] half = elkan ? nearestHalf(halfPairs) : search.halfGaps();
    // Per stamp (the epoch a point's group bounds were computed at) and group: how far the group's
    // centres have moved since, rounded up.
    float[][] movedSince = new float[epoch][groups];
    for (int e = 0; e < epoch; e++) {
      double[] since = movedDown.get(e);
      for (int g = 0; g < groups; g++) movedSince[e][g] = SquaredDistance.floatUp(Math.nextUp(up[g] - since[g]));
    }
    byte[] state = new byte[n];
    double[] proven = new double[n];
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int a = labels[i];
        double u = Math.nextUp(upper[i] + shift[a]);
        double l = Math.max(0, Math.nextDown(lowerMin[i] - (a == farIndex ? other : farthest)));
        if (!SquaredDistance.separated(u, Math.max(l, half[a]))) {
          // The least moved bound in float, rounded down once: each difference is off by at
          // most half a float step, and the minimum of them by no more.
          float least = fast.minDifference(lower, i * groups, movedSince[stamp[i]], groups);
          double grouped = Math.max(0, Math.nextDown(least));
          l = Math.max(l, grouped);
          if (!SquaredDistance.separated(u, Math.max(l, half[a]))) state[i] = OPEN;
        }
        upper[i] = u;
        lowerMin[i] = l;
        proven[i] = Math.max(l, half[a]);
      }
    });
    int open = 0;
    for (byte s : state) if (s == OPEN) open++;
    // When most points are open anyway (the first iterations), the exact distance to the own
    // centre rarely settles one: skip it and let the search redo them all. Elkan's local step
    // settles more of them, so it is skipped only when nearly all are open.
    if (open > (elkan ? ELKAN_TIGHTEN_LIMIT : TIGHTEN_LIMIT) * n) return state;
    int limit = (int) (LOCAL_SHARE * k);
    CentroidUpdate.forEachPointBlock(n, (from, to) -> {
      int[] candidates = elkan ? new int[k] : null;
      double[] found = elkan ? new double[Math.max(1, limit)] : null;
      for (int i = from; i < to; i++) {
        if (state[i] != OPEN) continue;
        double own = fast.squared(data, i * d, centroids, labels[i] * d, d);
        double u = fast.upper(own);
        upper[i] = u;
        if (SquaredDistance.separated(u, proven[i])) state[i] = KEPT;
        else if (elkan) state[i] = local(i, own, centroids, movedSince[stamp[i]], halfPairs, limit, candidates, found);
      }
    });
    return state;
  }

  /**
   * Elkan's step for an open point i (Elkan 2003, "Using the triangle inequality to accelerate
   * k-means", ICML): the centres that its moved lower bound or half the centre-to-centre distance
   * does not rule out are the only ones that can be nearest; with at most {@code limit} of them,
   * their distances decide the label here (float distances when their bounds separate the nearest,
   * else the reference ones, ties to the lower index as everywhere) and refresh the point's bounds
   * to the current epoch. Otherwise the point stays open for the search.
   *
   * <p>The scan is in float ({@link BoundedDistance#candidates}): a centre is passed over only if
   * its rounded bound exceeds {@code u / (1 − MARGIN)} widened by more than float's rounding, so
   * the exact bound proves it farther than the own centre, as {@link SquaredDistance#separated}
   * would.
   *
   * @param own the float squared distance to the current centre ({@link BoundedDistance}), whose
   *     bound is {@link #upper}
   * @param found work space for the candidates' squared distances, at least {@code limit} long
   */
  private byte local(int i, double own, float[] centroids, float[] moved, float[] halfPairs, int limit, int[] candidates,
      double[] found) {
    int a = labels[i];
    double u = upper[i];
    int o = i * k;
    int count = fast.candidates(lower, o, moved, halfPairs, a * k, threshold(u), k, a, limit, candidates);
    if (count < 0) return OPEN;
    // The candidates' float distances; the nearest is decided by them when its upper bound is below
    // every other candidate's lower bound, else by the reference distances of all of them.
    double best = own;
    int bestIndex = a;
    for (int c = 0; c < count; c++) {
      double dd = fast.squared(data, i * d, centroids, candidates[c] * d, d);
      found[c] = dd;
      if (dd < best) {
        best = dd;
        bestIndex = candidates[c];
      }
    }
    double ownLower = fast.lower(own);
    double bestUpper = fast.upper(best);
    boolean decided = bestIndex == a || SquaredDistance.separated(bestUpper, ownLower);
    for (int c = 0; c < count && decided; c++) {
      if (candidates[c] != bestIndex) decided = SquaredDistance.separated(bestUpper, fast.lower(found[c]));
    }
    boolean reference = !decided;
    if (reference) {
      best = SquaredDistance.between(data, i * d, centroids, a * d, d);
      bestIndex = a;
      ownLower = SquaredDistance.lower(best);
      for (int c = 0; c < count; c++) {
        int j = candidates[c];
        double dd = SquaredDistance.between(data, i * d, centroids, j * d, d);
        found[c] = dd;
        if (dd < best || (dd == best && j < bestIndex)) {
          best = dd;
          bestIndex = j;
        }
      }
      bestUpper = SquaredDistance.upper(best);
    }
    // Every bound moved to this epoch, then the computed ones put in.
    fast.moveBounds(lower, o, moved, k);
    for (int c = 0; c < count; c++) {
      double bound = reference ? SquaredDistance.lower(found[c]) : fast.lower(found[c]);
      lower[o + candidates[c]] = SquaredDistance.floatDown(bound);
    }
    lower[o + a] = SquaredDistance.floatDown(ownLower);
    lower[o + bestIndex] = Float.POSITIVE_INFINITY;
    lowerMin[i] = fast.rowMin(lower, o, k);
    stamp[i] = epoch;
    upper[i] = bestUpper;
    labels[i] = bestIndex;
    return bestIndex == a ? KEPT : MOVED;
  }

  /**
   * The float threshold of Elkan's scan for an upper bound u: {@code u / (1 − MARGIN)}, the
   * largest bound {@link SquaredDistance#separated} does not separate, widened by more than float's
   * rounding of the bounds and rounded up.
   */
  private static float threshold(double u) {
    return SquaredDistance.floatUp(u / (1 - SquaredDistance.MARGIN) * (1 + 0x1p-22));
  }

  /** Lower bounds on half the distance between each pair of centres, k × k in float (+∞ on the diagonal). */
  private float[] halfPairs(float[] centroids) {
    float[] half = new float[k * k];
    java.util.stream.IntStream.range(0, k).parallel().forEach(a -> {
      half[a * k + a] = Float.POSITIVE_INFINITY;
      for (int b = a + 1; b < k; b++) {
        half[a * k + b] = SquaredDistance.floatDown(0.5 * fast.lower(fast.squared(centroids, a * d, centroids, b * d, d)));
      }
    });
    for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) half[a * k + b] = half[b * k + a];
    return half;
  }

  /** Hamerly's {@code s}: per centre, the least of its half distances to the others. */
  private double[] nearestHalf(float[] halfPairs) {
    double[] half = new double[k];
    for (int a = 0; a < k; a++) half[a] = fast.rowMin(halfPairs, a * k, k);
    return half;
  }

  private float[] normalized(float[] centroids) {
    return new Embeddings(k, d, centroids).l2Normalized().data();
  }
}
