package org.interestlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.experiment.PairedComparison;

/**
 * Prints paired comparisons with a baseline: one row per metric and recommender (the baseline's own
 * row first when its interval is known), mean, 95% interval, relative difference and both p-values
 * with their Holm-corrected values in parentheses.
 */
final class ComparisonTable {
  private ComparisonTable() {}

  /** The rows of a run's significance.csv. */
  static String render(List<PairedComparison> rows) {
    return render(rows, Map.of());
  }

  /**
   * @param intervals metric → recommender → interval; a metric's baseline row and the interval
   *     column appear when given
   */
  static String render(List<PairedComparison> rows, Map<String, Map<String, ConfidenceInterval>> intervals) {
    if (rows.isEmpty()) return "";
    boolean withCi = !intervals.isEmpty();
    List<String> header = new ArrayList<>(List.of("metric", "recommender", "mean"));
    if (withCi) header.add("95% CI");
    header.addAll(List.of("vs " + rows.get(0).baseline(), "t-test p (Holm)", "Wilcoxon p (Holm)", "users"));
    List<List<String>> table = new ArrayList<>();
    String metric = null;
    for (PairedComparison r : rows) {
      Map<String, ConfidenceInterval> ci = intervals.getOrDefault(r.metric(), Map.of());
      if (withCi && !r.metric().equals(metric)) {
        List<String> base = new ArrayList<>(List.of(r.metric(), r.baseline(), f4(r.baselineMean()), interval(ci.get(r.baseline()))));
        base.addAll(List.of("baseline", "", "", String.valueOf(r.users())));
        table.add(base);
      }
      metric = r.metric();
      List<String> row = new ArrayList<>(List.of(r.metric(), r.recommender(), f4(r.mean())));
      if (withCi) row.add(interval(ci.get(r.recommender())));
      row.addAll(List.of(percent(r.relDiff()), p(r.tP()) + " (" + p(r.tPHolm()) + ")",
          p(r.wilcoxonP()) + " (" + p(r.wilcoxonPHolm()) + ")", String.valueOf(r.users())));
      table.add(row);
    }
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : table) width[c] = Math.max(width[c], row.get(c).length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("paired tests against ").append(rows.get(0).baseline())
        .append(" (two-sided, same users; Holm-corrected across the recommenders of each metric):\n");
    line(sb, header, width);
    for (List<String> row : table) line(sb, row, width);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) sb.append("  ");
      String fmt = c < 2 ? "%-" + width[c] + "s" : "%" + width[c] + "s";
      sb.append(String.format(Locale.ROOT, fmt, cells.get(c)));
    }
    sb.append('\n');
  }

  private static String f4(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }

  private static String interval(ConfidenceInterval ci) {
    return ci == null || Double.isNaN(ci.lower()) ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci.lower(), ci.upper());
  }

  private static String percent(double rel) {
    return Double.isFinite(rel) ? String.format(Locale.ROOT, "%+.1f%%", 100 * rel) : "n/a";
  }

  private static String p(double v) {
    if (v == 0) return "0";
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
  }
}
