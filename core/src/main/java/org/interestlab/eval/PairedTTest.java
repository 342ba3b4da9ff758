package org.interestlab.eval;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * Two-sided paired Student's t-test on per-user values of two systems over the same users, via
 * Apache Commons Math's {@link TTest#pairedTTest(double[], double[])}: t = mean(d) / (sd(d)/√n),
 * d = a − b, n − 1 degrees of freedom. Equals {@code scipy.stats.ttest_rel(a, b).pvalue} (checked to
 * 1e-9 in the tests).
 *
 * <p>Edge cases: fewer than two pairs → p = NaN (as SciPy); every difference equal — variance 0 —
 * gives p = 1 when they are all zero (identical systems; SciPy returns NaN) and p = 0 otherwise
 * (as SciPy: t = ±∞). Cost: O(n).
 *
 * <pre>{@code
 * double p = PairedTTest.test(ndcgEase, ndcgPopular).pValue();
 * }</pre>
 */
public final class PairedTTest {
  private PairedTTest() {}

  /** Tests whether the mean of {@code a − b} is zero; {@code a[i]} and {@code b[i]} belong to the same user. */
  public static PairedTestResult test(double[] a, double[] b) {
    PairedChecks.check(a, b);
    int n = a.length;
    if (n < 2) return new PairedTestResult(Double.NaN, Double.NaN, n, "t");
    double first = a[0] - b[0];
    boolean constant = true;
    for (int i = 1; i < n && constant; i++) constant = a[i] - b[i] == first;
    if (constant) {
      return first == 0 ? new PairedTestResult(Double.NaN, 1.0, n, "t")
          : new PairedTestResult(Math.copySign(Double.POSITIVE_INFINITY, first), 0.0, n, "t");
    }
    TTest t = new TTest();
    return new PairedTestResult(t.pairedT(a, b), t.pairedTTest(a, b), n, "t");
  }
}
