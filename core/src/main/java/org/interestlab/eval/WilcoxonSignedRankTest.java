package org.interestlab.eval;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Two-sided Wilcoxon signed-rank test (Wilcoxon 1945) on per-user values of two systems over the
 * same users, with SciPy's defaults ({@code scipy.stats.wilcoxon(a, b)}, SciPy 1.10):
 * <ul>
 *   <li>zero differences are dropped before ranking ({@code zero_method='wilcox'});
 *   <li>|d| are ranked with tied values given their average rank (Commons Math's
 *       {@link NaturalRanking}); the statistic is T = min(W+, W−);
 *   <li>with at most {@value #EXACT_MAX_N} pairs, no zero and no tie, the p-value is exact (the
 *       null distribution of W+ over all 2ⁿ sign patterns, counted in integers);
 *   <li>otherwise it is the normal approximation z = (T − n(n+1)/4) / σ with the tie-corrected
 *       variance σ² = [n(n+1)(2n+1) − ½ Σ t(t²−1)] / 24 over the non-zero differences, without
 *       continuity correction ({@code correction=False}), p = 2 Φ(−|z|).
 * </ul>
 * Per-user ranking metrics of hundreds of users always take the normal approximation.
 *
 * <p>Two documented differences from SciPy 1.10: with ties but no zeros and n ≤ 50 SciPy's
 * {@code 'auto'} evaluates the tie-free exact distribution at a truncated rank sum, which is not a
 * valid exact p-value; here the tie-corrected normal approximation is used (SciPy's
 * {@code mode='approx'}). When every difference is zero SciPy raises; here p = 1 (no evidence of a
 * difference). Commons Math's own {@code WilcoxonSignedRankTest} is not used because it ranks the
 * zeros, applies a continuity correction and ignores ties, so it disagrees with SciPy.
 *
 * <p>Cost: O(n log n); the exact distribution O(n³) for n ≤ 50.
 *
 * <pre>{@code
 * double p = WilcoxonSignedRankTest.test(ndcgEase, ndcgPopular).pValue();
 * }</pre>
 */
public final class WilcoxonSignedRankTest {
  /** Largest number of pairs for which the exact null distribution is used (as SciPy's 'auto'). */
  public static final int EXACT_MAX_N = 50;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private WilcoxonSignedRankTest() {}

  /** Tests whether the differences {@code a − b} are symmetric about zero; pairs are aligned by index. */
  public static PairedTestResult test(double[] a, double[] b) {
    PairedChecks.check(a, b);
    int total = a.length;
    if (total == 0) return new PairedTestResult(Double.NaN, Double.NaN, 0, "none");
    double[] d = new double[total];
    int nonZero = 0;
    for (int i = 0; i < total; i++) {
      double diff = a[i] - b[i];
      if (diff != 0) d[nonZero++] = diff;
    }
    d = Arrays.copyOf(d, nonZero);
    if (nonZero == 0) return new PairedTestResult(0, 1.0, 0, "none");
    double[] abs = new double[nonZero];
    for (int i = 0; i < nonZero; i++) abs[i] = Math.abs(d[i]);
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < nonZero; i++) {
      if (d[i] > 0) plus += ranks[i];
      else minus += ranks[i];
    }
    double statistic = Math.min(plus, minus);
    double tieTerm = tieTerm(abs);
    boolean exact = total <= EXACT_MAX_N && nonZero == total && tieTerm == 0;
    if (exact) return new PairedTestResult(statistic, exactPValue((int) Math.round(plus), nonZero), nonZero, "exact");
    double n = nonZero;
    double mean = n * (n + 1) * 0.25;
    double sd = Math.sqrt((n * (n + 1) * (2 * n + 1) - 0.5 * tieTerm) / 24);
    double z = (statistic - mean) / sd;
    return new PairedTestResult(statistic, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)), nonZero, "normal");
  }

  /** Σ t(t²−1) over groups of t tied values. */
  private static double tieTerm(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int i = 0; i < sorted.length;) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) j++;
      double t = j - i;
      sum += t * (t * t - 1);
      i = j;
    }
    return sum;
  }

  /**
   * Two-sided exact p-value of W+ = {@code plus} with n untied non-zero differences: twice the smaller
   * tail of the null distribution, 1 at its centre (SciPy's definition).
   */
  static double exactPValue(int plus, int n) {
    int max = n * (n + 1) / 2;
    // counts[s] = number of sign patterns whose positive ranks sum to s (at most 2^50: fits a long).
    long[] counts = new long[max + 1];
    counts[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = rank * (rank + 1) / 2; s >= rank; s--) counts[s] += counts[s - rank];
    }
    if (plus == max / 2) return 1.0;
    long below = 0;
    for (int s = 0; s <= plus; s++) below += counts[s];
    long above = 0;
    for (int s = plus; s <= max; s++) above += counts[s];
    return Math.min(1.0, 2 * (double) Math.min(below, above) / Math.pow(2, n));
  }
}
