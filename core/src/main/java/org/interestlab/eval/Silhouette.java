package org.interestlab.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.interestlab.compute.Embeddings;

/**
 * Mean silhouette coefficient (Rousseeuw, "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20, 1987), as scikit-learn's
 * {@code silhouette_score} computes it.
 *
 * <p>For point i in cluster C: a(i) = mean distance to the other points of C, b(i) = the smallest
 * mean distance to the points of another cluster, s(i) = (b − a) / max(a, b). A point alone in its
 * cluster gets s = 0, and so does a point with a = b = 0 (duplicates), as in scikit-learn. The score
 * is the mean of s(i) over all points, in [−1, 1], higher is better.
 *
 * <p>Distances: {@link Distance#EUCLIDEAN} or {@link Distance#COSINE} (1 − cosine similarity,
 * clipped to [0, 2]; a zero vector is at distance 1 from everything, as in scikit-learn).
 *
 * <p>Defaults: Euclidean, all points ({@code sampleSize = 0}). With {@code sampleSize = m < n}, the
 * score is the silhouette of m points drawn without replacement with {@code seed}, the same
 * estimator as scikit-learn's {@code sample_size}/{@code random_state} (the drawn points differ
 * from numpy's for the same seed). Complexity O(m² d) time: from {@link #PRODUCTS_MIN_WORK} on, by
 * blocked float64 matrix products on the engine ({@link SilhouetteProducts}, O(m d + m · clusters)
 * memory), below that in row blocks of 64 rows in parallel on the common fork-join pool,
 * O(64 · clusters + m d) memory; the m × m distance matrix is never materialised. The result does not
 * depend on the number of threads.
 *
 * <pre>{@code
 * double s = Silhouette.euclidean().score(points, labels);
 * double approx = Silhouette.cosine().withSample(10_000, 42).score(embeddings, labels);
 * }</pre>
 *
 * @param distance the point distance
 * @param sampleSize number of points to sample, or 0 for all points
 * @param seed seed of the sample (unused when {@code sampleSize == 0})
 */
public record Silhouette(Distance distance, int sampleSize, long seed) implements ClusteringMetric {
  /** Rows per block: 64 rows × 384 doubles stay in L2 while every other point streams past. */
  static final int BLOCK = 64;
  /**
   * From this much work (m² d, e.g. a 10,000-point sample of 384-d vectors), the distances come from
   * blocked float64 matrix products on the engine ({@link SilhouetteProducts}; upper triangle only,
   * several times faster); below, direct differences in Java: no engine start, a few seconds at most, and the
   * digits of results already published (3,000 users of 384-d take this path) stay as they were.
   * Both agree to float64 rounding.
   */
  static final double PRODUCTS_MIN_WORK = 1e10;

  /** Point distance used by the silhouette. */
  public enum Distance {
    EUCLIDEAN,
    /** 1 − cos(x, y). */
    COSINE
  }

  public Silhouette {
    if (distance == null) throw new IllegalArgumentException("silhouette: distance must not be null");
    if (sampleSize < 0) throw new IllegalArgumentException("silhouette: sampleSize must be >= 0 (0 = all points), got " + sampleSize);
  }

  /** Euclidean distance, all points. */
  public static Silhouette euclidean() {
    return new Silhouette(Distance.EUCLIDEAN, 0, 0);
  }

  /** Cosine distance, all points. */
  public static Silhouette cosine() {
    return new Silhouette(Distance.COSINE, 0, 0);
  }

  /** The same metric on a seeded sample of {@code size} points (all points when n ≤ size). */
  public Silhouette withSample(int size, long sampleSeed) {
    if (size < 1) throw new IllegalArgumentException("silhouette: sample size must be >= 1, got " + size);
    return new Silhouette(distance, size, sampleSeed);
  }

  @Override
  public String name() {
    return distance == Distance.COSINE ? "silhouette-cosine" : "silhouette";
  }

  @Override
  public double score(double[][] points, int[] labels) {
    PointChecks.checkPoints(name(), points, labels);
    int[] idx = sampleIndices(points.length);
    if (idx == null) return compute(points, labels, name());
    double[][] p = new double[idx.length][];
    int[] l = new int[idx.length];
    for (int r = 0; r < idx.length; r++) {
      p[r] = points[idx[r]];
      l[r] = labels[idx[r]];
    }
    return compute(p, l, name() + " (sample of " + idx.length + " points)");
  }

  /** Samples before converting, so only the sampled rows are copied to double. */
  @Override
  public double score(Embeddings points, int[] labels) {
    if (points == null || labels == null) throw new IllegalArgumentException(name() + ": points and labels must not be null");
    if (points.rows() != labels.length) {
      throw new IllegalArgumentException(name() + ": " + points.rows() + " points but " + labels.length + " labels");
    }
    int[] idx = sampleIndices(points.rows());
    if (idx == null) return score(points.toDoubleRows(), labels);
    int[] l = new int[idx.length];
    for (int r = 0; r < idx.length; r++) l[r] = labels[idx[r]];
    double[][] p = points.select(idx).toDoubleRows();
    PointChecks.checkPoints(name(), p, l);
    return compute(p, l, name() + " (sample of " + idx.length + " points)");
  }

  /** The first sampleSize entries of a seeded Fisher–Yates shuffle of 0..n−1, or null for all. */
  int[] sampleIndices(int n) {
    if (sampleSize == 0 || sampleSize >= n) return null;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < sampleSize; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return Arrays.copyOf(perm, sampleSize);
  }

  private double compute(double[][] points, int[] labels, String what) {
    PointChecks.Encoded enc = PointChecks.encode(labels);
    PointChecks.checkNumberOfClusters(what, enc.numLabels(), points.length);
    double[][] rows = distance == Distance.COSINE ? unitRows(points) : points;
    int n = rows.length;
    double[] s = new double[n];
    boolean cosine = distance == Distance.COSINE;
    if ((double) n * n * rows[0].length >= PRODUCTS_MIN_WORK) {
      double[] sums = SilhouetteProducts.clusterSums(rows, enc.codes(), enc.numLabels(), cosine);
      for (int i = 0; i < n; i++) s[i] = coefficient(sums, i * enc.numLabels(), enc, i);
    } else {
      int blocks = (n + BLOCK - 1) / BLOCK;
      IntStream.range(0, blocks).parallel().forEach(b ->
          block(rows, enc, cosine, b * BLOCK, Math.min(n, (b + 1) * BLOCK), s));
    }
    // Summed in index order after the parallel part, so the mean is the same for any thread count.
    double sum = 0;
    for (double v : s) sum += v;
    return sum / n;
  }

  /** s(i) for rows start..end−1: per-cluster distance sums, one pass over all points. */
  private static void block(double[][] rows, PointChecks.Encoded enc, boolean cosine, int start, int end, double[] s) {
    int k = enc.numLabels();
    int[] codes = enc.codes();
    int b = end - start;
    double[] sums = new double[b * k];
    double[] dist4 = new double[4];
    for (int j = 0; j < rows.length; j++) {
      double[] xj = rows[j];
      int cj = codes[j];
      int i = start;
      // Four rows at a time: each value of x_j is loaded once for four distances.
      for (; i + 3 < end; i += 4) {
        if (cosine) dot4(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], xj, dist4);
        else sqDist4(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], xj, dist4);
        for (int r = 0; r < 4; r++) {
          if (i + r == j) continue; // distance to itself is 0 (scikit-learn zeroes the diagonal too)
          double dist = cosine ? Math.min(2, Math.max(0, 1 - dist4[r])) : Math.sqrt(dist4[r]);
          sums[(i + r - start) * k + cj] += dist;
        }
      }
      for (; i < end; i++) {
        if (i == j) continue;
        double dist = cosine ? cosineDistance(rows[i], xj) : euclidean(rows[i], xj);
        sums[(i - start) * k + cj] += dist;
      }
    }
    for (int i = start; i < end; i++) s[i] = coefficient(sums, (i - start) * k, enc, i);
  }

  /** s(i) from its per-cluster distance sums at {@code sums[off..off + k)}. */
  private static double coefficient(double[] sums, int off, PointChecks.Encoded enc, int i) {
    int ci = enc.codes()[i];
    int[] sizes = enc.sizes();
    if (sizes[ci] == 1) return 0;
    double a = sums[off + ci] / (sizes[ci] - 1);
    double bmin = Double.POSITIVE_INFINITY;
    for (int c = 0; c < enc.numLabels(); c++) if (c != ci) bmin = Math.min(bmin, sums[off + c] / sizes[c]);
    double denom = Math.max(a, bmin);
    return denom == 0 ? 0 : (bmin - a) / denom;
  }

  /** Squared Euclidean distances from y to four rows, in one pass over y. */
  private static void sqDist4(double[] x0, double[] x1, double[] x2, double[] x3, double[] y, double[] out) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int t = 0; t < y.length; t++) {
      double v = y[t];
      double d0 = x0[t] - v, d1 = x1[t] - v, d2 = x2[t] - v, d3 = x3[t] - v;
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  /** Dot products of y with four rows, in one pass over y. */
  private static void dot4(double[] x0, double[] x1, double[] x2, double[] x3, double[] y, double[] out) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int t = 0; t < y.length; t++) {
      double v = y[t];
      s0 += x0[t] * v;
      s1 += x1[t] * v;
      s2 += x2[t] * v;
      s3 += x3[t] * v;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  static double euclidean(double[] x, double[] y) {
    int d = x.length;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    // Four independent accumulators let the CPU overlap the additions.
    for (; j + 3 < d; j += 4) {
      double d0 = x[j] - y[j], d1 = x[j + 1] - y[j + 1], d2 = x[j + 2] - y[j + 2], d3 = x[j + 3] - y[j + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < d; j++) {
      double t = x[j] - y[j];
      s0 += t * t;
    }
    return Math.sqrt((s0 + s1) + (s2 + s3));
  }

  private static double cosineDistance(double[] x, double[] y) {
    int d = x.length;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += x[j] * y[j];
      s1 += x[j + 1] * y[j + 1];
      s2 += x[j + 2] * y[j + 2];
      s3 += x[j + 3] * y[j + 3];
    }
    for (; j < d; j++) s0 += x[j] * y[j];
    double dist = 1 - ((s0 + s1) + (s2 + s3));
    return Math.min(2, Math.max(0, dist));
  }

  /** Rows scaled to unit norm; zero rows stay zero (scikit-learn's normalize). */
  private static double[][] unitRows(double[][] points) {
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      double[] r = points[i];
      double ss = 0;
      for (double v : r) ss += v * v;
      double norm = Math.sqrt(ss);
      double[] u = r.clone();
      if (norm > 0) for (int j = 0; j < u.length; j++) u[j] /= norm;
      out[i] = u;
    }
    return out;
  }
}
