package org.interestlab.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * External clustering metrics: agreement of predicted clusters with ground-truth classes. Natural
 * logarithms throughout; the formulas and edge cases follow scikit-learn 1.2's
 * {@code sklearn.metrics.cluster} (and agree with it to about 1e-12), except that empty labellings
 * are rejected instead of scoring 1.
 *
 * <p>Notation: n points, contingency n_ij = points in class i and cluster j, a_i = Σ_j n_ij,
 * b_j = Σ_i n_ij, entropies H(C) = −Σ_i (a_i/n) ln(a_i/n), H(K) likewise with b_j, mutual
 * information MI = Σ_ij (n_ij/n) ln(n n_ij / (a_i b_j)).
 *
 * <ul>
 *   <li>{@link #adjustedRand ARI} — Hubert &amp; Arabie, "Comparing partitions", J. Classification 2,
 *       1985.
 *   <li>{@link #normalizedMutualInfo NMI} = MI / ((H(C) + H(K)) / 2) (arithmetic mean, scikit-learn's
 *       default) — Strehl &amp; Ghosh, JMLR 3, 2002; Vinh, Epps &amp; Bailey, JMLR 11, 2010.
 *   <li>{@link #adjustedMutualInfo AMI} = (MI − E[MI]) / ((H(C) + H(K)) / 2 − E[MI]) under the
 *       permutation (hypergeometric) model — Vinh, Epps &amp; Bailey 2010.
 *   <li>{@link #homogeneity}, {@link #completeness}, {@link #vMeasure} — Rosenberg &amp; Hirschberg,
 *       "V-Measure", EMNLP-CoNLL 2007.
 *   <li>{@link #purity} — Manning, Raghavan &amp; Schütze, <i>Introduction to Information Retrieval</i>,
 *       2008, §16.3.
 * </ul>
 *
 * <p>Cost: O(n log n) to build the contingency table; AMI adds O(Σ_ij min(a_i, b_j)) for the
 * expected mutual information. Labels may be any ints (−1 is an ordinary label).
 *
 * <pre>{@code
 * double ari = ExternalClusterMetrics.adjustedRand(truth, predicted);
 * double ami = ExternalClusterMetrics.adjustedMutualInfo(truth, predicted);
 * }</pre>
 */
public final class ExternalClusterMetrics {
  private static final double EPS = Math.ulp(1.0); // numpy's finfo(float64).eps

  private ExternalClusterMetrics() {}

  /**
   * Adjusted Rand index: the Rand index (share of point pairs on which the labellings agree)
   * corrected for chance, 1 for identical partitions, about 0 for random ones, may be negative.
   */
  public static double adjustedRand(int[] truth, int[] predicted) {
    PointChecks.checkLabels("ari", truth, predicted);
    Contingency c = Contingency.of(truth, predicted);
    // Pair counts over ordered pairs, as scikit-learn's pair_confusion_matrix; exact in long up to n ≈ 3e9.
    long n = c.n;
    long sumSquares = 0;
    long rowDot = 0; // Σ_ij n_ij b_j
    long colDot = 0; // Σ_ij n_ij a_i
    for (int e = 0; e < c.cellCount.length; e++) {
      long v = c.cellCount[e];
      sumSquares += v * v;
      rowDot += v * c.colSums[c.cellCol[e]];
      colDot += v * c.rowSums[c.cellRow[e]];
    }
    long tp = sumSquares - n;
    long fp = rowDot - sumSquares;
    long fn = colDot - sumSquares;
    long tn = n * n - fp - fn - sumSquares;
    if (fn == 0 && fp == 0) return 1.0;
    // The products overflow long for n beyond ~55,000; exact integers keep the one final rounding.
    BigInteger num = big(tp).multiply(big(tn)).subtract(big(fn).multiply(big(fp))).shiftLeft(1);
    BigInteger den = big(tp + fn).multiply(big(fn + tn)).add(big(tp + fp).multiply(big(fp + tn)));
    return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
  }

  /** Mutual information MI(C; K) in nats (scikit-learn's {@code mutual_info_score}). */
  public static double mutualInfo(int[] truth, int[] predicted) {
    PointChecks.checkLabels("mutual-info", truth, predicted);
    return mutualInfo(Contingency.of(truth, predicted));
  }

  /** Normalized mutual information, arithmetic normalisation: MI / ((H(C) + H(K)) / 2). */
  public static double normalizedMutualInfo(int[] truth, int[] predicted) {
    PointChecks.checkLabels("nmi", truth, predicted);
    Contingency c = Contingency.of(truth, predicted);
    if (c.numClasses() == 1 && c.numClusters() == 1) return 1.0; // neither splits the data: a perfect match
    double mi = mutualInfo(c);
    if (mi == 0) return 0.0;
    return mi / ((entropy(c.rowSums, c.n) + entropy(c.colSums, c.n)) / 2);
  }

  /**
   * Adjusted mutual information, arithmetic normalisation: (MI − E[MI]) / (mean(H(C), H(K)) −
   * E[MI]), with E[MI] the expected mutual information of two random labellings with the same
   * class and cluster sizes (Vinh, Epps &amp; Bailey 2010, eq. 24a).
   */
  public static double adjustedMutualInfo(int[] truth, int[] predicted) {
    PointChecks.checkLabels("ami", truth, predicted);
    Contingency c = Contingency.of(truth, predicted);
    if (c.numClasses() == 1 && c.numClusters() == 1) return 1.0;
    double mi = mutualInfo(c);
    double emi = expectedMutualInfo(c.rowSums, c.colSums, c.n);
    double normalizer = (entropy(c.rowSums, c.n) + entropy(c.colSums, c.n)) / 2;
    double denominator = normalizer - emi;
    // normalizer ≥ emi in exact arithmetic; keep the sign away from 0 as scikit-learn does.
    denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
    return (mi - emi) / denominator;
  }

  /** Homogeneity = MI / H(C) (1 when H(C) = 0): each cluster holds members of a single class. */
  public static double homogeneity(int[] truth, int[] predicted) {
    PointChecks.checkLabels("homogeneity", truth, predicted);
    return hcv(Contingency.of(truth, predicted))[0];
  }

  /** Completeness = MI / H(K) (1 when H(K) = 0): each class lies within a single cluster. */
  public static double completeness(int[] truth, int[] predicted) {
    PointChecks.checkLabels("completeness", truth, predicted);
    return hcv(Contingency.of(truth, predicted))[1];
  }

  /** V-measure = 2 h c / (h + c), the harmonic mean of homogeneity and completeness (0 when both are 0). */
  public static double vMeasure(int[] truth, int[] predicted) {
    PointChecks.checkLabels("v-measure", truth, predicted);
    return hcv(Contingency.of(truth, predicted))[2];
  }

  /** Purity = (1/n) Σ_j max_i n_ij: the share of points that belong to their cluster's majority class. */
  public static double purity(int[] truth, int[] predicted) {
    PointChecks.checkLabels("purity", truth, predicted);
    Contingency c = Contingency.of(truth, predicted);
    long[] best = new long[c.numClusters()];
    for (int e = 0; e < c.cellCount.length; e++) best[c.cellCol[e]] = Math.max(best[c.cellCol[e]], c.cellCount[e]);
    long sum = 0;
    for (long v : best) sum += v;
    return (double) sum / c.n;
  }

  private static double[] hcv(Contingency c) {
    double hC = entropy(c.rowSums, c.n);
    double hK = entropy(c.colSums, c.n);
    double mi = mutualInfo(c);
    double h = hC != 0 ? mi / hC : 1.0;
    double comp = hK != 0 ? mi / hK : 1.0;
    double v = h + comp == 0 ? 0.0 : 2 * h * comp / (h + comp);
    return new double[] {h, comp, v};
  }

  /** H = −Σ (s/n)(ln s − ln n) over non-empty groups; 0 for a single group. */
  static double entropy(long[] sizes, long n) {
    if (sizes.length == 1) return 0.0;
    double logN = StrictMath.log(n);
    double h = 0;
    for (long s : sizes) if (s > 0) h -= ((double) s / n) * (StrictMath.log(s) - logN);
    return h;
  }

  static double mutualInfo(Contingency c) {
    if (c.numClasses() == 1 || c.numClusters() == 1) return 0.0; // one side has zero entropy
    double n = c.n;
    double logN = StrictMath.log(n);
    double mi = 0;
    for (int e = 0; e < c.cellCount.length; e++) {
      double nij = c.cellCount[e];
      double outer = (double) (c.rowSums[c.cellRow[e]] * c.colSums[c.cellCol[e]]);
      double term = (nij / n) * (StrictMath.log(nij) - logN) + (nij / n) * (-StrictMath.log(outer) + logN + logN);
      if (Math.abs(term) >= EPS) mi += term; // scikit-learn drops terms below machine epsilon
    }
    return Math.max(0.0, mi);
  }

  /**
   * E[MI] under the hypergeometric model: Σ_i Σ_j Σ_{nij=max(1, a_i+b_j−n)}^{min(a_i, b_j)}
   * (nij/n) ln(n nij / (a_i b_j)) · a_i! b_j! (n−a_i)! (n−b_j)! / (n! nij! (a_i−nij)! (b_j−nij)!
   * (n−a_i−b_j+nij)!), the factorial ratio taken in log space.
   */
  static double expectedMutualInfo(long[] a, long[] b, long n) {
    if (a.length == 1 || b.length == 1) return 0.0;
    // The inner loop needs ln(m!) for m ≤ n many times over: tabulate it once when n is moderate.
    double[] table = n <= LOG_FACTORIAL_TABLE_LIMIT ? logFactorialTable((int) n) : null;
    double logN = StrictMath.log(n);
    double lnFactN = lnFact(table, n);
    double emi = 0;
    for (long ai : a) {
      double logA = StrictMath.log(ai);
      double lnFactA = lnFact(table, ai) + lnFact(table, n - ai);
      for (long bj : b) {
        double logB = StrictMath.log(bj);
        double lnFactAB = lnFactA + lnFact(table, bj) + lnFact(table, n - bj) - lnFactN;
        long start = Math.max(1, ai + bj - n);
        long end = Math.min(ai, bj);
        for (long nij = start; nij <= end; nij++) {
          double term2 = logN + StrictMath.log(nij) - logA - logB;
          double gln = lnFactAB - lnFact(table, nij) - lnFact(table, ai - nij) - lnFact(table, bj - nij)
              - lnFact(table, n - ai - bj + nij);
          emi += ((double) nij / n) * term2 * StrictMath.exp(gln);
        }
      }
    }
    return emi;
  }

  /** Above this many points ln(m!) is computed on demand instead of tabulated (the table is 8 bytes a point). */
  private static final long LOG_FACTORIAL_TABLE_LIMIT = 1 << 24;

  private static double lnFact(double[] table, long m) {
    return table != null ? table[(int) m] : logFactorial(m);
  }

  /** ln(m!) for m = 0..n, each entry computed directly (no running sum, so no accumulated error). */
  private static double[] logFactorialTable(int n) {
    double[] t = new double[n + 1];
    for (int m = 0; m <= n; m++) t[m] = logFactorial(m);
    return t;
  }

  private static final double[] SMALL_LOG_FACTORIALS = new double[21];

  static {
    long f = 1;
    for (int m = 0; m <= 20; m++) {
      if (m > 0) f *= m; // 20! < 2^63: exact
      SMALL_LOG_FACTORIALS[m] = StrictMath.log((double) f);
    }
  }

  private static final double HALF_LOG_2PI = 0.5 * StrictMath.log(2 * Math.PI);

  /** ln(m!): exact factorials up to 20, then Stirling's series to the m^-9 term (error &lt; 1e-17). */
  static double logFactorial(long m) {
    if (m < 0) throw new IllegalArgumentException("negative factorial argument " + m);
    if (m <= 20) return SMALL_LOG_FACTORIALS[(int) m];
    double x = m;
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
    return x * StrictMath.log(x) - x + HALF_LOG_2PI + 0.5 * StrictMath.log(x) + series;
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
