package org.interestlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The same benchmarks on several machines side by side: one bar group per benchmark, one bar per
 * machine, JMH's error (the 99.9% half-width it prints) as a symmetric error bar. Input columns:
 * {@code benchmark}, {@code machine}, {@code score}, optional {@code error} and {@code unit} (the first
 * unit names the axis).
 *
 * <pre>{@code
 * Table t = Table.read().csv("bench.csv");   // benchmark,machine,score,error,unit
 * PlotlyFigure f = BenchmarkBars.of(t);
 * }</pre>
 */
public final class BenchmarkBars {
  private BenchmarkBars() {}

  public static PlotlyFigure of(Table results) {
    List<String> benchmarks = TableColumns.strings(results, "benchmark");
    List<String> machines = TableColumns.strings(results, "machine");
    double[] score = TableColumns.doubles(results, "score");
    double[] error = TableColumns.has(results, "error") ? TableColumns.doubles(results, "error") : null;
    String unit = TableColumns.has(results, "unit") && results.rowCount() > 0 ? TableColumns.strings(results, "unit").get(0) : "score";
    List<Map<String, Object>> traces = new ArrayList<>();
    for (String machine : TableColumns.distinct(machines)) {
      List<String> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> e = new ArrayList<>();
      for (int i = 0; i < score.length; i++) {
        if (!machines.get(i).equals(machine)) continue;
        x.add(benchmarks.get(i));
        y.add(score[i]);
        e.add(error == null ? Double.NaN : error[i]);
      }
      traces.add(Attributes.of("type", "bar", "name", machine, "x", x, "y", y,
          "error_y", error == null ? null : Attributes.of("type", "data", "array", e, "visible", true)));
    }
    Map<String, Object> layout = Attributes.layout("Benchmarks by machine", "benchmark", unit);
    layout.put("barmode", "group");
    return PlotlyFigure.of(traces, layout);
  }
}
