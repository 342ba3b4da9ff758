package org.interestlab.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Percentile bootstrap confidence interval of a mean over users (Efron &amp; Tibshirani, <i>An
 * Introduction to the Bootstrap</i>, Chapman &amp; Hall 1993, ch. 13): draw {@code resamples}
 * samples of the n users with replacement, take each sample's mean, and report the {@code (1−level)/2}
 * and {@code (1+level)/2} quantiles of those means (linear interpolation between order statistics,
 * numpy's and {@code scipy.stats.bootstrap}'s default).
 *
 * <p>Each resample is drawn as a vector of counts (how often each user was drawn) from a
 * SplitMix64 stream (Steele, Lea &amp; Flood 2014) seeded with {@code seed}, and every column's
 * resampled mean is the count-weighted sum divided by n — no resampled copy is ever made. Given
 * several columns over the same users ({@link #intervals}) they share the resamples (a paired
 * bootstrap), and each column's interval equals the one computed for it alone with the same seed.
 * The generator and its bounded draws are written out here, not borrowed from the JDK, so the same
 * seed gives the same interval on any JVM (and from the Python reference in the tests).
 *
 * <p>Defaults: {@value #DEFAULT_RESAMPLES} resamples, level 0.95. Cost: O(resamples · n · columns)
 * time, O(n · columns + resamples · columns) memory.
 *
 * <pre>{@code
 * ConfidenceInterval ci = PercentileBootstrap.DEFAULT.interval(perUserNdcg, seed);   // ndcg ∈ [ci.lower(), ci.upper()]
 * }</pre>
 *
 * @param resamples number of bootstrap samples (≥ 2)
 * @param level confidence level, in (0, 1)
 */
public record PercentileBootstrap(int resamples, double level) {
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final double DEFAULT_LEVEL = 0.95;
  public static final PercentileBootstrap DEFAULT = new PercentileBootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL);

  public PercentileBootstrap {
    if (resamples < 2) throw new IllegalArgumentException("resamples must be at least 2: " + resamples);
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1): " + level);
  }

  /** The interval of the mean of {@code values}; {@link ConfidenceInterval#UNDEFINED} when empty. */
  public ConfidenceInterval interval(double[] values, long seed) {
    return intervals(List.of(values), seed).get(0);
  }

  /**
   * One interval per column, all columns resampled with the same users (they must have the same
   * length: one value per user, aligned).
   */
  public List<ConfidenceInterval> intervals(List<double[]> columns, long seed) {
    int cols = columns.size();
    if (cols == 0) return List.of();
    int n = columns.get(0).length;
    for (double[] c : columns) {
      if (c.length != n) throw new IllegalArgumentException("columns differ in length: " + n + " and " + c.length);
      for (double v : c) if (!Double.isFinite(v)) throw new IllegalArgumentException("value is not finite: " + v);
    }
    if (n == 0) return new ArrayList<>(java.util.Collections.nCopies(cols, ConfidenceInterval.UNDEFINED));
    // User-major layout: the inner loop over columns is independent per column and vectorises.
    double[] byUser = new double[n * cols];
    for (int c = 0; c < cols; c++) {
      double[] col = columns.get(c);
      for (int u = 0; u < n; u++) byUser[u * cols + c] = col[u];
    }
    double[][] means = new double[cols][resamples];
    int[] counts = new int[n];
    double[] sums = new double[cols];
    SplitMix64 rng = new SplitMix64(seed);
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) counts[rng.nextInt(n)]++;
      Arrays.fill(sums, 0);
      for (int u = 0; u < n; u++) {
        int k = counts[u];
        if (k == 0) continue;
        int base = u * cols;
        for (int c = 0; c < cols; c++) sums[c] += k * byUser[base + c];
      }
      for (int c = 0; c < cols; c++) means[c][r] = sums[c] / n;
    }
    double alpha = (1 - level) / 2;
    List<ConfidenceInterval> out = new ArrayList<>(cols);
    for (double[] m : means) {
      Arrays.sort(m);
      out.add(new ConfidenceInterval(quantile(m, alpha), quantile(m, 1 - alpha)));
    }
    return out;
  }

  /** numpy's default ("linear") quantile of sorted values, including its two-sided interpolation. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
    double t = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    // numpy interpolates from the nearer end, which keeps the result monotone in q.
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** SplitMix64 with an unbiased bounded draw; the same stream as {@code new SplittableRandom(seed).nextLong()}. */
  private static final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix64(long seed) {
      this.state = seed;
    }

    long nextLong() {
      state += GOLDEN_GAMMA;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound): a 31-bit draw modulo bound, rejecting the incomplete top block. */
    int nextInt(int bound) {
      while (true) {
        int bits = (int) (nextLong() >>> 33);
        int value = bits % bound;
        if (bits - value + (bound - 1) >= 0) return value;
      }
    }
  }
}
