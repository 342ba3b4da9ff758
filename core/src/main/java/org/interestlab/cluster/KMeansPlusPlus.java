package org.interestlab.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Greedy k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007), as scikit-learn's {@code _kmeans_plusplus}: the first centre uniformly,
 * then each next one the best (lowest potential) of {@code 2 + ⌊ln k⌋} candidates drawn in
 * proportion to the squared distance to the nearest centre so far.
 *
 * <p>Pruned by the triangle inequality, exactly: each point remembers its nearest centre {@code a}
 * and the distance {@code r} to it; a candidate {@code q} with {@code ‖q − a‖ ≥ 2r} cannot come
 * closer than {@code r} (‖x − q‖ ≥ ‖q − a‖ − r ≥ r), so the point keeps its distance without being
 * read. A whole centre's points are passed over when {@code ‖q − a‖} is at least twice the largest
 * {@code r} among them. Only the points that might move are measured, with the reference distance
 * {@link SquaredDistance#between}; the bounds carry {@link SquaredDistance#MARGIN}, so a skipped
 * point's reference distance is provably no smaller than its current one. Every squared distance,
 * every potential (summed over fixed blocks of points, in order) and every random draw is therefore
 * bit for bit the one of the unpruned seeding: the same centres for the same seed, on any number of
 * cores. On clustered data (embeddings, blobs) a new centre is compared with the points of its
 * neighbourhood only.
 *
 * <p>Cost: {@code O(k² d log k)} for candidate-to-centre distances, {@code O(n k log k)} for the
 * bound checks at worst (far less when whole centres are passed over) and {@code O(m d)} for the
 * {@code m} points not settled by the bounds: at most the unpruned {@code O(n d k log k)}. Memory:
 * five doubles and four ints per point.
 *
 * <pre>{@code
 * float[] centres = KMeansPlusPlus.seed(points, n, d, k, new SplittableRandom(42));   // k × d
 * }</pre>
 */
final class KMeansPlusPlus {
  /** Points per block of the potential's sum (its rounding, and so the draws, depend on it). */
  private static final int SUM_BLOCK = CentroidUpdate.POINTS_PER_TASK;
  /**
   * Relative bound on the rounding of a potential's sum (n u Σ for n ≤ 2³¹ terms is below 2.4e-7;
   * a potential interval is widened by it).
   */
  private static final double SUM_SLACK = 1e-6;
  /** Points measured per parallel task. */
  private static final int MEASURE_BLOCK = 512;

  private final float[] data;
  private final int n;
  private final int d;
  private final float[] centres;
  /** Squared reference distance of each point to its nearest centre so far. */
  private double[] closest;
  /** Each candidate's distances {@code min(closest, ‖x − q‖²)}, valid at its open points once settled. */
  private final double[][] candidateDist;
  /** Per point, the candidates (bit t: candidate t) whose distance the float32 products did not settle. */
  private final int[] unsettled;
  /** ‖x_i‖² in double, and ‖x_i‖. */
  private final double[] squares;
  private final double[] norms;
  private final BoundedDistance.Kernel kernel = BoundedDistance.kernel();
  /** γ_d of float32 products, as {@link BlockedProducts#gamma}. */
  private final double gamma;
  /** The points some candidate might move ({@link #openPoints}), and which candidates (bit t: candidate t). */
  private final int[] open;
  private final int[] openMask;
  /** Per candidate, the sum blocks holding one of its open points. */
  private final boolean[][] touched;
  /** The sum of {@link #closest} over each block of {@link #SUM_BLOCK} points, in point order. */
  private final double[] blockSums;
  /** An upper bound on the exact (not squared) distance behind {@link #closest}. */
  private final double[] reach;
  /** Which centre (in seeding order) {@link #closest} is the distance to. */
  private final int[] nearest;
  /** The points whose nearest centre is each centre, and the largest {@link #reach} among them. */
  private final int[][] members;
  private final double[] radius;
  private int chosen;
  private double potential;

  private KMeansPlusPlus(float[] data, int n, int d, int k) {
    this.data = data;
    this.n = n;
    this.d = d;
    this.centres = new float[k * d];
    this.closest = new double[n];
    int trials = trials(k);
    this.candidateDist = new double[trials][n];
    this.unsettled = new int[n];
    this.squares = new double[n];
    this.norms = new double[n];
    this.gamma = BlockedProducts.gamma(d);
    IntStream.range(0, n).parallel().forEach(i -> {
      double s = 0;
      for (int t = 0; t < d; t++) s += (double) data[i * d + t] * data[i * d + t];
      squares[i] = s;
      norms[i] = Math.sqrt(s);
    });
    this.open = new int[n];
    this.openMask = new int[n];
    int blocks = (n + SUM_BLOCK - 1) / SUM_BLOCK;
    this.touched = new boolean[trials][blocks];
    this.blockSums = new double[blocks];
    this.reach = new double[n];
    this.nearest = new int[n];
    this.members = new int[k][];
    this.radius = new double[k];
  }

  /** k centres (k × d, row-major) chosen among the {@code n} rows of {@code data}. */
  static float[] seed(float[] data, int n, int d, int k, SplittableRandom rng) {
    KMeansPlusPlus s = new KMeansPlusPlus(data, n, d, k);
    s.first(rng.nextInt(n));
    for (int c = 1; c < k; c++) s.next(trials(k), rng);
    return s.centres;
  }

  /** Candidates per centre: {@code 2 + ⌊ln k⌋}, as scikit-learn. */
  static int trials(int k) {
    return 2 + (int) Math.log(k);
  }

  private void first(int point) {
    System.arraycopy(data, point * d, centres, 0, d);
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    measureAll(point, all, closest);
    for (int b = 0; b < blockSums.length; b++) blockSums[b] = blockSum(closest, b);
    double total = 0;
    for (double p : blockSums) total += p;
    potential = total;
    for (int i = 0; i < n; i++) reach[i] = SquaredDistance.upper(closest[i]);
    members[0] = all;
    radius[0] = maxReach(all);
    chosen = 1;
  }

  /**
   * Draws the candidates, measures them against the points the bounds leave open (each point read
   * once for all of them), and makes the one of lowest potential the next centre.
   */
  private void next(int trials, SplittableRandom rng) {
    // All candidates are drawn from the same distances, so they can be drawn first, in the same order.
    double[] prefix = prefixSums(closest);
    int[] candidates = new int[trials];
    for (int t = 0; t < trials; t++) candidates[t] = sample(closest, prefix, potential, rng);
    int count = openPoints(candidates);
    float[] rows = new float[trials * d];
    for (int t = 0; t < trials; t++) System.arraycopy(data, candidates[t] * d, rows, t * d, d);
    // Candidates whose potential interval starts above the least upper end cannot win: no reference
    // distances for them.
    double[][] range = estimate(candidates, rows, count);
    double leastHigh = Double.POSITIVE_INFINITY;
    for (double[] r : range) leastHigh = Math.min(leastHigh, r[1]);
    int best = -1;
    double bestPotential = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      if (range[t][0] > leastHigh) continue;
      settle(candidates[t], t, count);
      double pot = potentialWith(t, candidateDist[t]);
      if (pot < bestPotential) {
        bestPotential = pot;
        best = t;
      }
    }
    accept(candidates[best], best, count);
    potential = bestPotential;
    for (int r = 0; r < count; r++) {
      openMask[open[r]] = 0;
      unsettled[open[r]] = 0;
    }
    for (int t = 0; t < trials; t++) Arrays.fill(touched[t], false);
  }

  /**
   * Lists in {@link #open} (in point order) the points that some candidate might bring closer than
   * their nearest centre, those the triangle inequality does not settle, with bit t of
   * {@link #openMask} set for candidate t and {@link #touched} marking their sum blocks. Returns
   * how many.
   */
  private int openPoints(int[] candidates) {
    int m = candidates.length;
    double[][] gaps = new double[chosen][m];
    IntStream.range(0, chosen).parallel().forEach(a -> {
      for (int t = 0; t < m; t++) gaps[a][t] = SquaredDistance.lower(SquaredDistance.between(data, candidates[t] * d, centres, a * d, d));
    });
    // In parallel over centres: a point is a member of one centre only, so each mask has one writer
    // (touched only ever turns true).
    IntStream.range(0, chosen).parallel().forEach(a -> {
      for (int t = 0; t < m; t++) {
        double gap = gaps[a][t];
        if (gap >= 2 * radius[a]) continue;
        int bit = 1 << t;
        boolean[] blocks = touched[t];
        for (int i : members[a]) {
          if (gap >= 2 * reach[i]) continue;
          openMask[i] |= bit;
          blocks[i / SUM_BLOCK] = true;
        }
      }
    });
    // Listed in point order: memory is then read forward, as the hardware prefetches it.
    int count = 0;
    for (int i = 0; i < n; i++) if (openMask[i] != 0) open[count++] = i;
    return count;
  }

  /** {@code out[i] = ‖x_i − x_point‖²} for the listed points: the first centre's distances. */
  private void measureAll(int point, int[] ids, double[] out) {
    parallelOver(ids.length, () -> null, (unused, r) -> out[ids[r]] = SquaredDistance.between(data, ids[r] * d, data, point * d, d));
  }

  /**
   * An interval {@code [low, high]} per candidate that holds the potential {@link #potentialWith}
   * would compute, from float32 products: {@code ‖x‖² + ‖q‖² − 2 x·q} errs by at most
   * {@link #productError} (which also covers the reference's own rounding), and the sums' rounding is
   * below {@link #SUM_SLACK} of the potential. Points the products cannot prove no closer are marked
   * in {@link #unsettled}.
   */
  private double[][] estimate(int[] candidates, float[] rows, int count) {
    int m = candidates.length;
    int tasks = (count + MEASURE_BLOCK - 1) / MEASURE_BLOCK;
    // Per task: the least and the most each candidate can lower the potential by.
    double[][] drops = new double[tasks][2 * m];
    IntStream.range(0, tasks).parallel().forEach(task -> {
      float[] products = new float[2 * m];
      double[] drop = drops[task];
      int end = Math.min(count, (task + 1) * MEASURE_BLOCK);
      // Two points per kernel call (each candidate row read once for both), a last one alone.
      for (int r = task * MEASURE_BLOCK; r < end; r += 2) {
        int i = open[r];
        boolean pair = r + 1 < end;
        if (pair) kernel.dotsPair(data, i * d, open[r + 1] * d, rows, m, d, products);
        else kernel.dots(data, i * d, rows, m, d, products);
        unsettled[i] = bound(i, candidates, products, 0, drop);
        if (pair) unsettled[open[r + 1]] = bound(open[r + 1], candidates, products, m, drop);
      }
    });
    double[][] range = new double[m][2];
    double slack = SUM_SLACK * potential;
    for (int t = 0; t < m; t++) {
      double least = 0;
      double most = 0;
      for (double[] drop : drops) {
        least += drop[2 * t];
        most += drop[2 * t + 1];
      }
      range[t][0] = potential - most - slack;
      range[t][1] = potential - least + slack;
    }
    return range;
  }

  /**
   * Point i's share of each candidate's potential interval, from its products with the candidates at
   * {@code products[offset + t]}, added to {@code drop}; returns the candidates (bit t) the products
   * cannot prove no closer than its nearest centre.
   */
  private int bound(int i, int[] candidates, float[] products, int offset, double[] drop) {
    int unsure = 0;
    double own = closest[i];
    for (int t = 0, mask = openMask[i]; mask != 0; t++, mask >>>= 1) {
      if ((mask & 1) == 0) continue;
      int q = candidates[t];
      double est = squares[i] + squares[q] - 2.0 * products[offset + t];
      double err = productError(norms[i], norms[q]);
      if (est - err >= own) continue;
      unsure |= 1 << t;
      drop[2 * t] += Double.isFinite(est) ? Math.max(0, own - (est + err)) : 0;
      drop[2 * t + 1] += own - Math.max(0, est - err);
    }
    return unsure;
  }

  /** Reference distances for candidate t's open points that {@link #estimate} left unsettled. */
  private void settle(int point, int t, int count) {
    int bit = 1 << t;
    double[] out = candidateDist[t];
    parallelOver(count, () -> null, (unused, r) -> {
      int i = open[r];
      if ((unsettled[i] & bit) != 0) out[i] = Math.min(closest[i], SquaredDistance.between(data, i * d, data, point * d, d));
    });
  }

  /**
   * Bound on |computed − exact| of {@code ‖x‖² + ‖q‖² − 2 fl(x·q)} and on the reference's distance:
   * as {@link BlockedProducts#productError}.
   */
  private double productError(double nx, double nq) {
    return 2 * gamma * nx * nq + SquaredDistance.MARGIN * (nx + nq) * (nx + nq);
  }

  /**
   * The potential with candidate t added, as the unpruned seeding sums it (blocks in order): its
   * settled points at their {@link #candidateDist}, the others at {@link #closest}; untouched blocks
   * reuse their sums.
   */
  private double potentialWith(int t, double[] values) {
    int blocks = blockSums.length;
    double[] partial = new double[blocks];
    int bit = 1 << t;
    IntStream.range(0, blocks).parallel().forEach(b -> {
      if (!touched[t][b]) {
        partial[b] = blockSums[b];
        return;
      }
      double s = 0;
      for (int i = b * SUM_BLOCK, end = Math.min(n, i + SUM_BLOCK); i < end; i++) s += (unsettled[i] & bit) != 0 ? values[i] : closest[i];
      partial[b] = s;
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }

  /** {@code body(scratch, r)} for r < count, in parallel blocks, each block with its own scratch. */
  private static <S> void parallelOver(int count, java.util.function.Supplier<S> scratch, java.util.function.ObjIntConsumer<S> body) {
    int tasks = (count + MEASURE_BLOCK - 1) / MEASURE_BLOCK;
    IntStream.range(0, tasks).parallel().forEach(task -> {
      S own = scratch.get();
      for (int r = task * MEASURE_BLOCK, end = Math.min(count, r + MEASURE_BLOCK); r < end; r++) body.accept(own, r);
    });
  }

  /**
   * Makes candidate t (point {@code point}) the next centre: the open points it came closer to move
   * to it, their distances updated in place.
   */
  private void accept(int point, int t, int count) {
    int c = chosen++;
    System.arraycopy(data, point * d, centres, c * d, d);
    int[] moved = new int[count];
    int movedCount = 0;
    boolean[] lost = new boolean[c];
    int bit = 1 << t;
    double[] dist = candidateDist[t];
    for (int r = 0; r < count; r++) {
      int i = open[r];
      if ((unsettled[i] & bit) != 0 && dist[i] < closest[i]) {
        lost[nearest[i]] = true;
        nearest[i] = c;
        closest[i] = dist[i];
        reach[i] = SquaredDistance.upper(dist[i]);
        moved[movedCount++] = i;
      }
    }
    for (int b = 0; b < blockSums.length; b++) if (touched[t][b]) blockSums[b] = blockSum(closest, b);
    members[c] = Arrays.copyOf(moved, movedCount);
    Arrays.sort(members[c]); // in point order, the points of a later candidate are read in memory order
    radius[c] = maxReach(members[c]);
    for (int a = 0; a < c; a++) {
      if (!lost[a]) continue;
      final int owner = a;
      members[a] = Arrays.stream(members[a]).filter(i -> nearest[i] == owner).toArray();
      radius[a] = maxReach(members[a]);
    }
  }

  private double maxReach(int[] ids) {
    double max = 0;
    for (int i : ids) max = Math.max(max, reach[i]);
    return max;
  }

  /** Sum of block b of {@link #SUM_BLOCK} values, in point order. */
  private static double blockSum(double[] values, int b) {
    double s = 0;
    for (int i = b * SUM_BLOCK, end = Math.min(values.length, i + SUM_BLOCK); i < end; i++) s += values[i];
    return s;
  }

  static double[] prefixSums(double[] weights) {
    double[] prefix = new double[weights.length];
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      prefix[i] = acc;
    }
    return prefix;
  }

  /**
   * The first point whose running sum of weights exceeds a uniform draw in [0, total): D² sampling.
   * The running sums never decrease, so a binary search finds the point a linear scan would.
   */
  static int sample(double[] weights, double[] prefix, double total, SplittableRandom rng) {
    int n = prefix.length;
    if (total <= 0) return rng.nextInt(n); // all points coincide with centres
    double r = rng.nextDouble() * total;
    int lo = 0;
    int hi = n; // prefix[hi] > r is known for hi < n
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (prefix[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    if (lo < n) return lo;
    // Rounding left the running sum at or below the draw: the last point of positive weight.
    for (int i = n - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return n - 1;
  }
}
