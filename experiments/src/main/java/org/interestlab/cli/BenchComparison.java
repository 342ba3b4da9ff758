package org.interestlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same benchmarks side by side across results folders: one row per benchmark × parameters (and
 * secondary metric), one column per machine, each cell the score ± JMH's 99.9% error and its ratio to
 * the first machine's score. Rows come in the order the folders list them; a benchmark a machine did
 * not run is blank there.
 *
 * <pre>
 * BenchComparison c = BenchComparison.of(List.of(BenchResults.read(a), BenchResults.read(b)));
 * System.out.print(c.table());
 * </pre>
 */
record BenchComparison(List<BenchResults> machines, List<Row> rows) {
  /** One benchmark case: its score on each machine ({@code null} where it did not run). */
  record Row(String suite, String key, String unit, List<BenchResults.Score> cells) {
    /** Score on machine {@code m} divided by the first machine's; NaN when either is missing. */
    double ratio(int m) {
      BenchResults.Score first = cells.get(0);
      BenchResults.Score s = cells.get(m);
      return first == null || s == null || first.score() == 0 ? Double.NaN : s.score() / first.score();
    }
  }

  static BenchComparison of(List<BenchResults> machines) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (int m = 0; m < machines.size(); m++) {
      for (BenchResults.Score s : machines.get(m).scores()) {
        Row row = rows.computeIfAbsent(s.key(), k -> {
          List<BenchResults.Score> cells = new ArrayList<>();
          for (int i = 0; i < machines.size(); i++) cells.add(null);
          return new Row(s.suite(), k, s.unit(), cells);
        });
        row.cells().set(m, s);
      }
    }
    return new BenchComparison(List.copyOf(machines), List.copyOf(rows.values()));
  }

  /** The plain-text table: machines first, then one line per row. */
  String table() {
    StringBuilder out = new StringBuilder();
    for (int m = 0; m < machines.size(); m++) out.append("[").append(m + 1).append("] ").append(machines.get(m).machine()).append('\n');
    out.append("score ± error (JMH 99.9% interval); ×: ratio to [1] (ms/op: lower is faster; ops/s: higher is faster)\n\n");
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[machines.size() + 2];
    header[0] = "benchmark";
    header[1] = "unit";
    for (int m = 0; m < machines.size(); m++) header[m + 2] = "[" + (m + 1) + "] " + machines.get(m).label();
    lines.add(header);
    for (Row r : rows) {
      String[] line = new String[machines.size() + 2];
      line[0] = r.key();
      line[1] = r.unit();
      for (int m = 0; m < machines.size(); m++) line[m + 2] = cell(r, m);
      lines.add(line);
    }
    int[] width = new int[header.length];
    for (String[] l : lines) for (int c = 0; c < l.length; c++) width[c] = Math.max(width[c], l[c].length());
    for (String[] l : lines) {
      for (int c = 0; c < l.length; c++) {
        String pad = " ".repeat(width[c] - l[c].length());
        out.append(c < 2 ? l[c] + pad : pad + l[c]).append(c + 1 < l.length ? "  " : "\n");
      }
    }
    return out.toString();
  }

  /** {@code score ± error} and, after the first machine, the ratio to it. */
  String cell(Row r, int m) {
    BenchResults.Score s = r.cells().get(m);
    if (s == null) return "—";
    String text = number(s.score()) + (Double.isNaN(s.error()) ? "" : " ± " + number(s.error()));
    double ratio = r.ratio(m);
    return m == 0 || Double.isNaN(ratio) ? text : text + String.format(Locale.ROOT, " (%.2f×)", ratio);
  }

  /** Four significant digits, without exponents for everyday magnitudes. */
  static String number(double v) {
    if (v == 0 || Double.isNaN(v)) return String.valueOf(v);
    double a = Math.abs(v);
    if (a >= 1000) return String.format(Locale.ROOT, "%.0f", v);
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", v);
  }
}
