package org.interestlab.cluster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
import org.interestlab.encode.Embeddings;

/**
 * k-means (Lloyd's algorithm) with k-means++ or random seeding, several restarts, and distances by
 * blocked matrix products on DJL's PyTorch engine.
 *
 * <p>Defaults follow scikit-learn's {@code KMeans}: k-means++ with {@code 2 + ln k} local trials,
 * {@code tol} relative to the mean per-feature variance of the data, convergence when the total
 * squared centre shift falls to that tolerance or when no label changes. Empty clusters take the
 * points farthest from their centres (deterministically, by index on ties). Distance ties go to
 * the lower cluster index, so with fewer distinct points than {@code k} some clusters end empty,
 * as in scikit-learn.
 *
 * <p>Cost: one assignment step is a {@code n × d × k} matrix product (done by the engine, blocked
 * so that at most {@link #BLOCK_VALUES} distances are held at once); the update is {@code O(n d)}
 * in Java. Seeding with k-means++ costs {@code O(n d k log k)}.
 *
 * <pre>{@code
 * Clustering c = new KMeans(12, KMeans.Init.K_MEANS_PLUS_PLUS, 3, 100, 1e-4, 42L, "cpu").fit(vectors);
 * }</pre>
 *
 * @param k number of clusters (≥ 1, ≤ number of points)
 * @param init seeding method
 * @param nInit restarts with different seeds; the one with the lowest inertia wins
 * @param maxIter Lloyd iterations per restart
 * @param tol relative tolerance on the centre shift (0 = run until labels stop changing)
 * @param seed random seed; restart {@code r} uses a generator split from it
 * @param device {@code auto | cpu | gpu} for the distance computations
 */
public record KMeans(int k, Init init, int nInit, int maxIter, double tol, long seed, String device)
    implements Clusterer {

  /** Distances held at once during assignment (64 Mi floats = 256 MB). */
  static final long BLOCK_VALUES = 1L << 26;

  public enum Init {
    K_MEANS_PLUS_PLUS("k-means++"),
    RANDOM("random");

    private final String configName;

    Init(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    public static Init parse(String s) {
      for (Init i : values()) if (i.configName.equals(s)) return i;
      throw new IllegalArgumentException("init '" + s + "' — allowed: k-means++, random");
    }
  }

  public KMeans {
    if (k < 1) throw new IllegalArgumentException("k must be ≥ 1, got " + k);
    if (nInit < 1) throw new IllegalArgumentException("n_init must be ≥ 1, got " + nInit);
    if (maxIter < 1) throw new IllegalArgumentException("max_iter must be ≥ 1, got " + maxIter);
    if (!(tol >= 0)) throw new IllegalArgumentException("tol must be ≥ 0, got " + tol);
    if (init == null) init = Init.K_MEANS_PLUS_PLUS;
    if (device == null) device = "cpu";
  }

  /** k clusters with the defaults: k-means++, 1 restart, 300 iterations, tol 1e-4, seed 0, CPU. */
  public static KMeans of(int k) {
    return new KMeans(k, Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4, 0L, "cpu");
  }

  @Override
  public Clustering fit(Embeddings points) {
    validate(points);
    SplittableRandom root = new SplittableRandom(seed);
    Clustering best = null;
    for (int r = 0; r < nInit; r++) {
      SplittableRandom rng = root.split();
      float[] centroids = init == Init.RANDOM ? randomInit(points, rng) : kMeansPlusPlus(points, rng);
      Clustering c = lloyd(points, centroids);
      if (best == null || c.inertia() < best.inertia()) best = c;
    }
    return best;
  }

  /** Lloyd iterations from given initial centroids (k × d), as scikit-learn's {@code init=array}. */
  public Clustering fitFrom(Embeddings points, Embeddings initialCentroids) {
    validate(points);
    if (initialCentroids.rows() != k || initialCentroids.dim() != points.dim()) {
      throw new IllegalArgumentException("initial centroids are " + initialCentroids.rows() + "×" + initialCentroids.dim()
          + ", expected " + k + "×" + points.dim());
    }
    return lloyd(points, initialCentroids.data().clone());
  }

  private void validate(Embeddings points) {
    if (points.rows() == 0) throw new UserException("kmeans: no points to cluster (empty input)");
    if (k > points.rows()) {
      throw new UserException("kmeans: k=" + k + " is larger than the number of points (" + points.rows() + ") — use k ≤ " + points.rows());
    }
    if (points.hasNonFinite()) throw new UserException("kmeans: input vectors contain NaN or infinite values");
  }

  private Clustering lloyd(Embeddings x, float[] centroids) {
    int n = x.rows();
    int d = x.dim();
    double tolerance = tol * meanVariance(x);
    int[] labels = new int[n];
    float[] minDist = new float[n];
    java.util.Arrays.fill(labels, -1);
    int iter = 0;
    try (NDManager manager = Engines.newManager(Device.resolve(device, "kmeans.device"))) {
      NDArray points = manager.create(x.data(), new Shape(n, d));
      NDArray pointNorms = points.square().sum(new int[] {1});
      boolean converged = false;
      while (iter < maxIter && !converged) {
        iter++;
        boolean changed = assign(manager, points, pointNorms, centroids, n, d, labels, minDist);
        float[] updated = update(x, labels, minDist);
        double shift = 0;
        for (int i = 0; i < updated.length; i++) {
          double diff = updated[i] - centroids[i];
          shift += diff * diff;
        }
        centroids = updated;
        converged = !changed || shift <= tolerance;
      }
      // Labels for the final centroids, as scikit-learn does after its last update.
      assign(manager, points, pointNorms, centroids, n, d, labels, minDist);
    }
    return new Clustering(labels, new Embeddings(k, d, centroids), inertia(x, labels, centroids), iter);
  }

  /** Nearest centroid of every point; returns whether any label changed. */
  private boolean assign(NDManager parent, NDArray points, NDArray pointNorms, float[] centroids, int n, int d,
      int[] labels, float[] minDist) {
    boolean changed = false;
    int block = (int) Math.max(1, Math.min(n, BLOCK_VALUES / k));
    try (NDManager m = parent.newSubManager()) {
      NDArray c = m.create(centroids, new Shape(k, d));
      NDArray cT = c.transpose();
      NDArray cNorms = c.square().sum(new int[] {1});
      for (int start = 0; start < n; start += block) {
        int end = Math.min(n, start + block);
        try (NDManager b = m.newSubManager()) {
          NDArray xb = points.get(start + ":" + end);
          xb.attach(b);
          // ||x - c||² = ||x||² - 2 x·c + ||c||²; the ||x||² term does not change the argmin.
          NDArray dist = xb.matMul(cT).mul(-2f).add(cNorms);
          int[] best = dist.argMin(1).toType(DataType.INT32, false).toIntArray();
          NDArray nb = pointNorms.get(start + ":" + end);
          nb.attach(b);
          float[] mins = dist.min(new int[] {1}).add(nb).toFloatArray();
          for (int i = 0; i < best.length; i++) {
            if (labels[start + i] != best[i]) changed = true;
            labels[start + i] = best[i];
            minDist[start + i] = Math.max(0f, mins[i]);
          }
        }
      }
    }
    return changed;
  }

  /** Centroids as means of their members (in double); empty clusters take the farthest points. */
  private float[] update(Embeddings x, int[] labels, float[] minDist) {
    int d = x.dim();
    float[] data = x.data();
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      counts[l]++;
      for (int j = 0; j < d; j++) sums[l * d + j] += data[i * d + j];
    }
    relocateEmpty(x, labels, minDist, sums, counts);
    float[] out = new float[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) out[c * d + j] = (float) (sums[c * d + j] / counts[c]);
    }
    return out;
  }

  private void relocateEmpty(Embeddings x, int[] labels, float[] minDist, double[] sums, int[] counts) {
    int empty = 0;
    for (int c : counts) if (c == 0) empty++;
    if (empty == 0) return;
    int d = x.dim();
    // Points by decreasing distance to their centre; index breaks ties so the choice is reproducible.
    Integer[] order = new Integer[labels.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> minDist[a] != minDist[b] ? Float.compare(minDist[b], minDist[a]) : Integer.compare(a, b));
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
        sums[old * d + j] -= x.data()[p * d + j];
        sums[c * d + j] = x.data()[p * d + j];
      }
      counts[c] = 1;
      labels[p] = c;
    }
  }

  private double inertia(Embeddings x, int[] labels, float[] centroids) {
    int d = x.dim();
    double total = 0;
    for (int i = 0; i < labels.length; i++) {
      int base = labels[i] * d;
      for (int j = 0; j < d; j++) {
        double diff = x.data()[i * d + j] - centroids[base + j];
        total += diff * diff;
      }
    }
    return total;
  }

  private static double meanVariance(Embeddings x) {
    int n = x.rows();
    int d = x.dim();
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) mean += x.data()[i * d + j];
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double diff = x.data()[i * d + j] - mean;
        var += diff * diff;
      }
      total += var / n;
    }
    return d == 0 ? 0 : total / d;
  }

  private float[] randomInit(Embeddings x, SplittableRandom rng) {
    int n = x.rows();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return x.select(java.util.Arrays.copyOf(idx, k)).data();
  }

  /** Greedy k-means++ (Arthur &amp; Vassilvitskii 2007) with {@code 2 + ⌊ln k⌋} candidates per step. */
  private float[] kMeansPlusPlus(Embeddings x, SplittableRandom rng) {
    int n = x.rows();
    int d = x.dim();
    float[] data = x.data();
    float[] centres = new float[k * d];
    int trials = 2 + (int) Math.log(k);
    int first = rng.nextInt(n);
    System.arraycopy(data, first * d, centres, 0, d);
    double[] closest = new double[n];
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = sqDist(data, i, data, first, d);
      potential += closest[i];
    }
    double[] candidateDist = new double[n];
    for (int c = 1; c < k; c++) {
      int bestCandidate = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      double[] bestDist = null;
      for (int t = 0; t < trials; t++) {
        int cand = sampleProportional(closest, potential, rng);
        double pot = 0;
        for (int i = 0; i < n; i++) {
          candidateDist[i] = Math.min(closest[i], sqDist(data, i, data, cand, d));
          pot += candidateDist[i];
        }
        if (pot < bestPotential) {
          bestPotential = pot;
          bestCandidate = cand;
          bestDist = candidateDist.clone();
        }
      }
      System.arraycopy(data, bestCandidate * d, centres, c * d, d);
      closest = bestDist;
      potential = bestPotential;
    }
    return centres;
  }

  private static int sampleProportional(double[] weights, double total, SplittableRandom rng) {
    if (total <= 0) return rng.nextInt(weights.length); // all points coincide with centres
    double r = rng.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (acc > r) return i;
    }
    for (int i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  private static double sqDist(float[] a, int i, float[] b, int j, int d) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = a[i * d + t] - b[j * d + t];
      s += diff * diff;
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "KMeans[k=%d, init=%s, n_init=%d, max_iter=%d, tol=%g, seed=%d]",
        k, init.configName(), nInit, maxIter, tol, seed);
  }
}
