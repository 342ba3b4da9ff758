package org.interestlab.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.CsvText;
import org.interestlab.eval.HolmCorrection;
import org.interestlab.eval.PairedTTest;
import org.interestlab.eval.PairedTestResult;
import org.interestlab.eval.WilcoxonSignedRankTest;

/**
 * Compares every recommender with a baseline on one per-user metric over the same users: mean,
 * difference, relative difference, the two-sided paired t-test and Wilcoxon signed-rank test, each
 * Holm-corrected across the comparisons of that metric (one family per metric and test). Used by
 * the run ({@code significance.csv}) and by {@code lab compare}.
 *
 * <pre>{@code
 * List<PairedComparison> rows = PairedComparisons.compare("ndcg@10", Map.of("ease", ease, "pop", pop), "ease");
 * }</pre>
 */
public final class PairedComparisons {
  /** The columns of {@code significance.csv}. */
  public static final List<String> CSV_HEADER = List.of("metric", "recommender", "baseline", "mean", "baseline_mean", "diff", "rel_diff",
      "t_p", "wilcoxon_p", "t_p_holm", "wilcoxon_p_holm", "n_users");

  private PairedComparisons() {}

  /**
   * One row per recommender other than {@code baseline}, in the map's order.
   *
   * @param values recommender → per-user values, all aligned with the same users
   */
  public static List<PairedComparison> compare(String metric, Map<String, double[]> values, String baseline) {
    double[] base = values.get(baseline);
    if (base == null) throw new IllegalArgumentException("baseline " + baseline + " is not among " + values.keySet());
    List<String> others = values.keySet().stream().filter(n -> !n.equals(baseline)).toList();
    int m = others.size();
    double[] tP = new double[m];
    double[] wP = new double[m];
    for (int i = 0; i < m; i++) {
      double[] v = values.get(others.get(i));
      PairedTestResult t = PairedTTest.test(v, base);
      PairedTestResult w = WilcoxonSignedRankTest.test(v, base);
      tP[i] = t.pValue();
      wP[i] = w.pValue();
    }
    double[] tHolm = HolmCorrection.adjust(tP);
    double[] wHolm = HolmCorrection.adjust(wP);
    double baseMean = mean(base);
    List<PairedComparison> out = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      double mean = mean(values.get(others.get(i)));
      double diff = mean - baseMean;
      out.add(new PairedComparison(metric, others.get(i), baseline, mean, baseMean, diff, baseMean == 0 ? Double.NaN : diff / baseMean,
          tP[i], wP[i], tHolm[i], wHolm[i], base.length));
    }
    return out;
  }

  /** The mean as {@link org.interestlab.eval.MeanAggregate} computes it (exact sum, one rounding), so it equals metrics.json's. */
  static double mean(double[] v) {
    if (v.length == 0) return Double.NaN;
    BigDecimal sum = BigDecimal.ZERO;
    for (double x : v) sum = sum.add(new BigDecimal(x));
    return sum.divide(BigDecimal.valueOf(v.length), MathContext.DECIMAL128).doubleValue();
  }

  /** {@code significance.csv}: {@link #CSV_HEADER}, numbers with 10 significant digits, undefined values empty. */
  public static String csv(List<PairedComparison> rows) {
    CsvText csv = CsvText.withHeader(CSV_HEADER);
    for (PairedComparison r : rows) {
      csv.row(r.metric(), r.recommender(), r.baseline(), cell(r.mean()), cell(r.baselineMean()), cell(r.diff()), cell(r.relDiff()),
          cell(r.tP()), cell(r.wilcoxonP()), cell(r.tPHolm()), cell(r.wilcoxonPHolm()), r.users());
    }
    return csv.toString();
  }

  private static String cell(double v) {
    return Double.isFinite(v) ? Json.number(v) : "";
  }
}
