package org.interestlab.cluster;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * Mini-batch k-means (Sculley, "Web-scale k-means clustering", WWW 2010): each step draws a
 * random batch, assigns it to the nearest centres and moves every centre towards the mean of its
 * batch members with a per-centre learning rate 1 / (points seen so far), as scikit-learn's
 * {@code MiniBatchKMeans} does.
 *
 * <p>Seeding: k-means++ on a seeded sample of {@code max(3 · batch_size, 3 k)} points (all points
 * if fewer); with {@code n_init > 1} the seeding with the lowest inertia on that sample wins.
 * Steps: {@code max_iter} epochs of {@code ⌈n / batch_size⌉} batches, drawn with replacement.
 * Stops early when the exponentially weighted batch inertia has not improved for
 * {@code max_no_improvement} steps (0 = never). Reassignment (deterministic given the seed): every
 * 10 steps, centres whose count is below {@code reassignment_ratio × max count} move onto the batch
 * points farthest from their centres (index order on ties) and take the smallest count among the
 * others. Final labels are the nearest centre of every point; inertia is over all points.
 *
 * <p>Exactness: every assignment (seeding sample, batches, final labels) goes through k-means's
 * search ({@link MiniBatchAssignment}): labels are the arg-min of the reference distance
 * {@link SquaredDistance#between} (ties to the lower index) and batch inertias and reassignment use
 * that distance, so the result does not depend on the engine's float32 rounding.
 *
 * <p>Differs from scikit-learn in detail (sampling, reassignment, stopping rule), so results are
 * compared by properties rather than label for label. Cost: O(b k d) per step (matrix products on
 * DJL's PyTorch engine when {@code b k d} is large enough to pay for it, else in Java), plus one
 * O(n k d) blocked assignment at the end; memory O(n + b d + k d) beyond the input.
 *
 * <p>Parameters and defaults are declared once in {@link #PARAMS}; {@link #of(int)} and a config
 * build the same clusterer.
 *
 * <pre>{@code
 * Clustering c = new MiniBatchKMeans(100, 1024, 100, 3, 0.01, 10, 42L, "cpu").fit(vectors);
 * }</pre>
 *
 * @param k number of clusters (≤ number of points)
 * @param batchSize points per step
 * @param maxIter epochs (passes over n points' worth of batches)
 * @param nInit k-means++ seedings tried on the init sample
 * @param reassignmentRatio centres below this share of the largest count are moved (0 = never)
 * @param maxNoImprovement steps without improvement of the smoothed batch inertia before stopping (0 = run all steps)
 * @param seed random seed
 * @param device {@code auto | cpu | gpu} for the distance computations
 */
public record MiniBatchKMeans(int k, int batchSize, int maxIter, int nInit, double reassignmentRatio, int maxNoImprovement,
    long seed, String device) implements Clusterer {

  static final String KIND = "minibatch-kmeans";
  /** Steps between reassignment checks. */
  static final int REASSIGN_EVERY = 10;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("k", 12, 1, 1_000_000, "number of clusters"),
      integer("batch_size", 1024, 1, 10_000_000, "points per step"),
      integer("max_iter", 100, 1, 100_000, "epochs (passes over n points' worth of batches)"),
      integer("n_init", 3, 1, 1000, "k-means++ seedings tried on the init sample"),
      real("reassignment_ratio", 0.01, 0, 1, false, "centres below this share of the largest count are moved"),
      integer("max_no_improvement", 10, 0, 1_000_000, "steps without improvement before stopping (0 = never stop early)"),
      choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed"));

  /** The config's {@code clusterer: { kind: minibatch-kmeans }}. */
  public static final ComponentSpec<MiniBatchKMeans> SPEC =
      new ComponentSpec<>(KIND, "mini-batch k-means (Sculley 2010), k-means++ seeding on a sample", PARAMS, MiniBatchKMeans::from);

  /** A null {@code device} takes its declared default. */
  public MiniBatchKMeans {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("k", k);
    PARAMS.check("batch_size", batchSize);
    PARAMS.check("max_iter", maxIter);
    PARAMS.check("n_init", nInit);
    PARAMS.check("reassignment_ratio", reassignmentRatio);
    PARAMS.check("max_no_improvement", maxNoImprovement);
    PARAMS.check("device", device);
  }

  /** Built from validated parameters (see {@link #PARAMS}) and a seed, as a config builds it. */
  public static MiniBatchKMeans from(Params p, long seed) {
    return new MiniBatchKMeans(p.getInt("k"), p.getInt("batch_size"), p.getInt("max_iter"), p.getInt("n_init"),
        p.getDouble("reassignment_ratio"), p.getInt("max_no_improvement"), seed, p.getString("device"));
  }

  /** Every parameter at the config's default (k 12), seed 0. */
  public static MiniBatchKMeans defaults() {
    return from(PARAMS.defaults(), 0L);
  }

  /** k clusters with the config's defaults: batch 1024, 100 epochs, 3 seedings, ratio 0.01, patience 10, seed 0, CPU. */
  public static MiniBatchKMeans of(int k) {
    return from(PARAMS.resolve(KIND, Map.of("k", k)), 0L);
  }

  @Override
  public Clustering fit(Embeddings points) {
    ClusterChecks.points(KIND, points);
    ClusterChecks.clusters(KIND, "k", k, points.rows());
    int n = points.rows();
    int d = points.dim();
    float[] data = points.data();
    SplittableRandom rng = new SplittableRandom(seed);
    Device dev = Device.resolve(device, KIND + ".device");
    double[] norms = MiniBatchAssignment.norms(data, n, d);
    float[] centres = seedCentres(data, n, d, norms, dev, rng.split());
    int b = Math.min(batchSize, n);
    long step = 0;
    try (MiniBatchAssignment nearest = new MiniBatchAssignment(data, n, d, k, norms, b, dev)) {
      long[] counts = new long[k];
      long stepsPerEpoch = (n + b - 1L) / b;
      long maxSteps = stepsPerEpoch * maxIter;
      float[] batch = new float[b * d];
      int[] idx = new int[b];
      int[] labels = new int[b];
      double[] dist = new double[b];
      double[] sums = new double[k * d];
      int[] batchCounts = new int[k];
      double ewa = Double.NaN;
      double bestEwa = Double.POSITIVE_INFINITY;
      int noImprovement = 0;
      while (step < maxSteps) {
        step++;
        for (int i = 0; i < b; i++) {
          idx[i] = rng.nextInt(n);
          System.arraycopy(data, idx[i] * d, batch, i * d, d);
        }
        nearest.assign(idx, b, centres, labels, dist);
        double batchInertia = 0;
        for (double v : dist) batchInertia += v;
        update(batch, b, d, labels, centres, counts, sums, batchCounts);
        if (reassignmentRatio > 0 && step % REASSIGN_EVERY == 0) reassign(batch, b, d, dist, centres, counts);
        // Stopping rule on the batch inertia per point, smoothed over about one epoch (as scikit-learn).
        double perPoint = batchInertia / b;
        double alpha = Math.min(1.0, 2.0 * b / (n + 1.0));
        ewa = Double.isNaN(ewa) ? perPoint : ewa * (1 - alpha) + perPoint * alpha;
        if (ewa < bestEwa) {
          bestEwa = ewa;
          noImprovement = 0;
        } else if (maxNoImprovement > 0 && ++noImprovement >= maxNoImprovement) {
          break;
        }
      }
    }
    int[] all = new int[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) ids[i] = i;
    try (MiniBatchAssignment nearest = new MiniBatchAssignment(data, n, d, k, norms, n, dev)) {
      nearest.assign(ids, n, centres, all, new double[n]);
    }
    Embeddings c = new Embeddings(k, d, centres);
    return new Clustering(all, c, ClusterStats.inertia(points, all, c), (int) Math.min(Integer.MAX_VALUE, step));
  }

  /** k-means++ on a seeded sample; the lowest sample inertia of {@code nInit} seedings wins. */
  private float[] seedCentres(float[] data, int n, int d, double[] norms, Device dev, SplittableRandom rng) {
    int m = (int) Math.min(n, Math.max(3L * batchSize, 3L * k));
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    float[] sample = new float[m * d];
    for (int i = 0; i < m; i++) System.arraycopy(data, perm[i] * d, sample, i * d, d);
    float[] best = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    int[] labels = new int[m];
    double[] dist = new double[m];
    try (MiniBatchAssignment nearest = new MiniBatchAssignment(data, n, d, k, norms, m, dev)) {
      for (int r = 0; r < nInit; r++) {
        float[] centres = KMeansPlusPlus.seed(sample, m, d, k, rng.split());
        nearest.assign(perm, m, centres, labels, dist);
        double inertia = 0;
        for (double v : dist) inertia += v;
        if (inertia < bestInertia) {
          bestInertia = inertia;
          best = centres;
        }
      }
    }
    return best;
  }

  /** Each centre moves to the running mean of every point it has been given: c += (Σ batch − m c) / count. */
  private void update(float[] batch, int b, int d, int[] labels, float[] centres, long[] counts, double[] sums, int[] batchCounts) {
    Arrays.fill(sums, 0);
    Arrays.fill(batchCounts, 0);
    for (int i = 0; i < b; i++) {
      int l = labels[i];
      batchCounts[l]++;
      for (int j = 0; j < d; j++) sums[l * d + j] += batch[i * d + j];
    }
    for (int c = 0; c < k; c++) {
      if (batchCounts[c] == 0) continue;
      counts[c] += batchCounts[c];
      double rate = 1.0 / counts[c];
      for (int j = 0; j < d; j++) {
        double old = centres[c * d + j];
        centres[c * d + j] = (float) (old + rate * (sums[c * d + j] - batchCounts[c] * old));
      }
    }
  }

  /** Moves starved centres onto the batch points farthest from their centres, deterministically. */
  private void reassign(float[] batch, int b, int d, double[] dist, float[] centres, long[] counts) {
    long max = 0;
    for (long c : counts) max = Math.max(max, c);
    double limit = reassignmentRatio * max;
    int moving = 0;
    long minKept = Long.MAX_VALUE;
    for (long c : counts) {
      if (c < limit) moving++;
      else minKept = Math.min(minKept, c);
    }
    // Never move more than half the centres at once (scikit-learn's cap), nor more than the batch holds.
    if (moving == 0 || moving > k / 2 || moving > b) return;
    Integer[] order = new Integer[b];
    for (int i = 0; i < b; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> dist[x] != dist[y] ? Double.compare(dist[y], dist[x]) : Integer.compare(x, y));
    int next = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] >= limit) continue;
      System.arraycopy(batch, order[next++] * d, centres, c * d, d);
      counts[c] = Math.max(1, minKept);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "MiniBatchKMeans[k=%d, batch_size=%d, max_iter=%d, n_init=%d, seed=%d]",
        k, batchSize, maxIter, nInit, seed);
  }
}
