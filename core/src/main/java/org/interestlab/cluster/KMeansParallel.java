package org.interestlab.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.interestlab.compute.Device;

/**
 * k-means|| seeding (Bahmani, Moseley, Vattani, Kumar &amp; Vassilvitskii, "Scalable k-means++",
 * VLDB 2012): a few passes over the points instead of k, each adding many candidates at once, then
 * the candidates reduced to k centres by weighted greedy k-means++.
 *
 * <ol>
 *   <li>The first candidate is a point drawn uniformly.</li>
 *   <li>Each of {@code rounds} rounds keeps every point independently with probability
 *       {@code min(1, ℓ D²(x) / φ)}, {@code ℓ = oversampling · k}, where {@code D²(x)} is the squared
 *       distance to the nearest candidate so far and {@code φ} their sum; the kept points become
 *       candidates (about ℓ per round).</li>
 *   <li>Each candidate is weighted by the number of points nearest to it (ties to the earlier
 *       candidate), so the weights sum to n; with fewer than k candidates, points drawn uniformly
 *       among the others fill up to k.</li>
 *   <li>Weighted greedy k-means++ over the candidates ({@code 2 + ⌊ln k⌋} trials per centre, as
 *       {@link KMeansPlusPlus}; the first centre drawn in proportion to the weights, the others in
 *       proportion to weight · D²) picks the k centres.</li>
 * </ol>
 *
 * <p>Deterministic for a seed: the draws are made in point order from one generator (n per round,
 * whatever is kept), each point's nearest candidate is the exact one by the reference distance
 * {@link SquaredDistance#between} (found through {@link CentroidSearch}'s float32 products with
 * their proven error bound), and every sum is taken in point order. It does not draw the centres
 * from the k-means++ distribution; it is an option for large n, not the default.
 *
 * <p>Cost: {@code O(n d ℓ)} per round by blocked matrix products (about {@code n d k} flops per
 * round at the default oversampling 2, against {@code n d k (2 + ln k)} read point by point for
 * k-means++), {@code O(n d)} for the reference distances, and {@code O(m d k log k)} for the
 * reduction of {@code m ≈ 1 + rounds · ℓ} candidates. Memory: a double and two ints per point,
 * the candidates' rows.
 *
 * <pre>{@code
 * float[] centres = KMeansParallel.seed(points, n, d, k, 5, 2.0, new SplittableRandom(42), Device.cpu());
 * }</pre>
 */
final class KMeansParallel {
  /** Points per parallel task of the reference distances. */
  private static final int TASK_ROWS = 4096;

  private KMeansParallel() {}

  /**
   * The candidates of the rounds: their point indices (in the order chosen) and weights (points
   * nearest to each; they sum to n).
   */
  record Candidates(int[] points, double[] weights) {}

  /** k centres (k × d, row-major) chosen among the {@code n} rows of {@code data}. */
  static float[] seed(float[] data, int n, int d, int k, int rounds, double oversampling, SplittableRandom rng, Device device) {
    Candidates c = candidates(data, n, d, k, rounds, oversampling, rng, device);
    int m = c.points().length;
    float[] rows = new float[m * d];
    for (int j = 0; j < m; j++) System.arraycopy(data, c.points()[j] * d, rows, j * d, d);
    return m == k ? rows : reduce(rows, c.weights(), m, d, k, rng);
  }

  /** Steps 1–3: the candidates (at least k) and their weights. */
  static Candidates candidates(float[] data, int n, int d, int k, int rounds, double oversampling, SplittableRandom rng,
      Device device) {
    double ell = oversampling * k;
    int[] points = new int[Math.max(k, 16)];
    int count = 0;
    boolean[] isCandidate = new boolean[n];
    double[] closest = new double[n];
    int[] owner = new int[n];
    int first = rng.nextInt(n);
    points[count++] = first;
    isCandidate[first] = true;
    parallelRows(n, i -> closest[i] = SquaredDistance.between(data, i * d, data, first * d, d));
    double[] norms = null;
    for (int round = 0; round < rounds; round++) {
      double potential = 0;
      for (int i = 0; i < n; i++) potential += closest[i];
      if (potential <= 0) break; // every point coincides with a candidate
      int[] kept = new int[16];
      int keptCount = 0;
      for (int i = 0; i < n; i++) {
        // One draw per point, kept or not: the generator's state depends on n and the rounds only.
        double u = rng.nextDouble();
        if (u * potential < ell * closest[i] && !isCandidate[i]) {
          if (keptCount == kept.length) kept = Arrays.copyOf(kept, 2 * keptCount);
          kept[keptCount++] = i;
        }
      }
      if (keptCount == 0) continue;
      if (norms == null) norms = MiniBatchAssignment.norms(data, n, d);
      moveToNearest(data, n, d, Arrays.copyOf(kept, keptCount), count, norms, closest, owner, device);
      if (count + keptCount > points.length) points = Arrays.copyOf(points, Math.max(2 * points.length, count + keptCount));
      for (int r = 0; r < keptCount; r++) {
        points[count++] = kept[r];
        isCandidate[kept[r]] = true;
      }
    }
    if (count < k) {
      // Too few candidates (small oversampling or few distinct points): uniform draws fill up to k.
      int[] extra = new int[k - count];
      for (int r = 0; r < extra.length; r++) {
        int i;
        do {
          i = rng.nextInt(n);
        } while (isCandidate[i]);
        isCandidate[i] = true;
        extra[r] = i;
      }
      if (norms == null) norms = MiniBatchAssignment.norms(data, n, d);
      moveToNearest(data, n, d, extra, count, norms, closest, owner, device);
      if (k > points.length) points = Arrays.copyOf(points, k);
      for (int i : extra) points[count++] = i;
    }
    double[] weights = new double[count];
    for (int i = 0; i < n; i++) weights[owner[i]]++;
    return new Candidates(Arrays.copyOf(points, count), weights);
  }

  /**
   * Points strictly closer to one of {@code added} (candidates {@code base, base + 1, …}) than to
   * their candidate so far move to it: the exact nearest of the added ones, lowest index on ties.
   */
  private static void moveToNearest(float[] data, int n, int d, int[] added, int base, double[] norms, double[] closest,
      int[] owner, Device device) {
    int m = added.length;
    float[] rows = new float[m * d];
    for (int j = 0; j < m; j++) System.arraycopy(data, added[j] * d, rows, j * d, d);
    int[] labels = new int[n];
    boolean useEngine = (double) n * m * d >= LloydIterations.ENGINE_MIN_WORK;
    try (CentroidSearch search = new CentroidSearch(data, n, d, m, norms, new int[m], 1, useEngine, device)) {
      search.setCentroids(rows);
      search.searchRange(0, n, labels, new double[n], new float[n]);
    }
    parallelRows(n, i -> {
      double s = SquaredDistance.between(data, i * d, rows, labels[i] * d, d);
      if (s < closest[i]) {
        closest[i] = s;
        owner[i] = base + labels[i];
      }
    });
  }

  /**
   * Step 4: weighted greedy k-means++ over the m candidate rows: the first centre drawn in
   * proportion to the weights, each next one the best (lowest weighted potential) of
   * {@code 2 + ⌊ln k⌋} candidates drawn in proportion to weight · D².
   */
  static float[] reduce(float[] rows, double[] weights, int m, int d, int k, SplittableRandom rng) {
    float[] centres = new float[k * d];
    double totalWeight = 0;
    for (double w : weights) totalWeight += w;
    int first = KMeansPlusPlus.sample(weights, KMeansPlusPlus.prefixSums(weights), totalWeight, rng);
    System.arraycopy(rows, first * d, centres, 0, d);
    double[] closest = new double[m];
    IntStream.range(0, m).parallel().forEach(j -> closest[j] = SquaredDistance.between(rows, j * d, rows, first * d, d));
    int trials = KMeansPlusPlus.trials(k);
    double[] weighted = new double[m];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int j = 0; j < m; j++) {
        weighted[j] = weights[j] * closest[j];
        total += weighted[j];
      }
      double[] prefix = KMeansPlusPlus.prefixSums(weighted);
      int[] drawn = new int[trials];
      for (int t = 0; t < trials; t++) drawn[t] = KMeansPlusPlus.sample(weighted, prefix, total, rng);
      double[] best = null;
      int bestPoint = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int q : drawn) {
        double[] with = new double[m];
        IntStream.range(0, m).parallel().forEach(j -> with[j] = Math.min(closest[j], SquaredDistance.between(rows, j * d, rows, q * d, d)));
        double potential = 0;
        for (int j = 0; j < m; j++) potential += weights[j] * with[j];
        if (potential < bestPotential) {
          bestPotential = potential;
          best = with;
          bestPoint = q;
        }
      }
      System.arraycopy(rows, bestPoint * d, centres, c * d, d);
      System.arraycopy(best, 0, closest, 0, m);
    }
    return centres;
  }

  /** {@code body(i)} for every i below n, in parallel tasks of fixed rows (each i written by one task). */
  private static void parallelRows(int n, java.util.function.IntConsumer body) {
    int tasks = (n + TASK_ROWS - 1) / TASK_ROWS;
    IntStream.range(0, tasks).parallel().forEach(task -> {
      for (int i = task * TASK_ROWS, end = Math.min(n, i + TASK_ROWS); i < end; i++) body.accept(i);
    });
  }
}
