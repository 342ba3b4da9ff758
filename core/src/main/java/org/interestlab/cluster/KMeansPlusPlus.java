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
  /** Points measured per parallel task. */
  private static final int MEASURE_BLOCK = 512;

  private final float[] data;
  private final int n;
  private final int d;
  private final float[] centres;
  /** Squared reference distance of each point to its nearest centre so far. */
  private double[] closest;
  /** Each candidate's distances, valid at its open points. */
  private final double[][] candidateDist;
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
  private final BoundedDistance bounded;
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
    this.open = new int[n];
    this.openMask = new int[n];
    int blocks = (n + SUM_BLOCK - 1) / SUM_BLOCK;
    this.touched = new boolean[trials][blocks];
    this.blockSums = new double[blocks];
    this.reach = new double[n];
    this.nearest = new int[n];
    this.members = new int[k][];
    this.radius = new double[k];
    this.bounded = new BoundedDistance(d);
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
    measureOpen(candidates, count);
    int best = -1;
    double bestPotential = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      double pot = potentialWith(t);
      if (pot < bestPotential) {
        bestPotential = pot;
        best = t;
      }
    }
    accept(candidates[best], best, count);
    potential = bestPotential;
    for (int r = 0; r < count; r++) openMask[open[r]] = 0;
    for (int t = 0; t < trials; t++) Arrays.fill(touched[t], false);
  }

  /**
   * Lists in {@link #open} (centre by centre) the points that some candidate might bring closer than
   * their nearest centre, those the triangle inequality does not settle, with bit t of
   * {@link #openMask} set for candidate t and {@link #touched} marking their sum blocks. Returns
   * how many.
   */
  private int openPoints(int[] candidates) {
    int count = 0;
    for (int t = 0; t < candidates.length; t++) {
      int bit = 1 << t;
      for (int a = 0; a < chosen; a++) {
        double gap = SquaredDistance.lower(SquaredDistance.between(data, candidates[t] * d, centres, a * d, d));
        if (gap >= 2 * radius[a]) continue;
        for (int i : members[a]) {
          if (gap >= 2 * reach[i]) continue;
          if (openMask[i] == 0) open[count++] = i;
          openMask[i] |= bit;
          touched[t][i / SUM_BLOCK] = true;
        }
      }
    }
    return count;
  }

  /** {@code out[i] = ‖x_i − x_point‖²} for the listed points: the first centre's distances. */
  private void measureAll(int point, int[] ids, double[] out) {
    parallelOver(ids.length, r -> out[ids[r]] = SquaredDistance.between(data, ids[r] * d, data, point * d, d));
  }

  /**
   * {@code candidateDist[t][i] = min(closest[i], ‖x_i − x_t‖²)} for the open points and their
   * candidates. A point whose float32 distance (several times cheaper) proves it no closer keeps its
   * value; the others get the reference distance.
   */
  private void measureOpen(int[] candidates, int count) {
    parallelOver(count, r -> {
      int i = open[r];
      for (int t = 0, mask = openMask[i]; mask != 0; t++, mask >>>= 1) {
        if ((mask & 1) == 0) continue;
        int q = candidates[t] * d;
        double dist = bounded.lower(bounded.squared(data, i * d, data, q, d)) >= reach[i]
            ? closest[i] : Math.min(closest[i], SquaredDistance.between(data, i * d, data, q, d));
        candidateDist[t][i] = dist;
      }
    });
  }

  /** The potential with candidate t added: the sums of untouched blocks are reused, bit for bit. */
  private double potentialWith(int t) {
    int blocks = blockSums.length;
    double[] partial = new double[blocks];
    int bit = 1 << t;
    double[] mine = candidateDist[t];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      if (!touched[t][b]) {
        partial[b] = blockSums[b];
        return;
      }
      double s = 0;
      for (int i = b * SUM_BLOCK, end = Math.min(n, i + SUM_BLOCK); i < end; i++) s += (openMask[i] & bit) != 0 ? mine[i] : closest[i];
      partial[b] = s;
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }

  private static void parallelOver(int count, java.util.function.IntConsumer body) {
    int tasks = (count + MEASURE_BLOCK - 1) / MEASURE_BLOCK;
    IntStream.range(0, tasks).parallel().forEach(task -> {
      for (int r = task * MEASURE_BLOCK, end = Math.min(count, r + MEASURE_BLOCK); r < end; r++) body.accept(r);
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
      if ((openMask[i] & bit) != 0 && dist[i] < closest[i]) {
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

  private static double[] prefixSums(double[] weights) {
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
  private static int sample(double[] weights, double[] prefix, double total, SplittableRandom rng) {
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
