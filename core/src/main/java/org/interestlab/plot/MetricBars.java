package org.interestlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One metric as bars per component (recommender, or clusterer for cluster metrics), with the bootstrap
 * confidence interval as error bars, grouped by run when the table holds several. Input: the metrics
 * table of {@code experiment.Runs} (columns {@code component}, {@code metric}, {@code value}, optional
 * {@code ci_low}, {@code ci_high}, {@code run})
 * or any table with those columns; rows of other metrics are skipped, a row without interval gets no
 * error bar.
 *
 * <pre>{@code
 * PlotlyFigure f = MetricBars.of(Runs.load(Path.of("experiments/runs")).metrics(), "ndcg@10");
 * }</pre>
 */
public final class MetricBars {
  private MetricBars() {}

  public static PlotlyFigure of(Table metrics, String metric) {
    List<String> components = TableColumns.strings(metrics, "component");
    List<String> names = TableColumns.strings(metrics, "metric");
    double[] values = TableColumns.doubles(metrics, "value");
    boolean hasCi = TableColumns.has(metrics, "ci_low") && TableColumns.has(metrics, "ci_high");
    double[] low = hasCi ? TableColumns.doubles(metrics, "ci_low") : null;
    double[] high = hasCi ? TableColumns.doubles(metrics, "ci_high") : null;
    List<String> runs = TableColumns.has(metrics, "run") ? TableColumns.strings(metrics, "run") : null;
    List<String> series = new ArrayList<>();
    for (int i = 0; i < values.length; i++) if (names.get(i).equals(metric)) series.add(runs == null ? "" : runs.get(i));
    series = TableColumns.distinct(series);
    if (series.isEmpty()) throw new IllegalArgumentException("no row of table '" + metrics.name() + "' holds metric '" + metric + "'");

    List<Map<String, Object>> traces = new ArrayList<>();
    for (String run : series) {
      List<String> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> plus = new ArrayList<>();
      List<Double> minus = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (!names.get(i).equals(metric) || (runs != null && !runs.get(i).equals(run))) continue;
        x.add(components.get(i));
        y.add(values[i]);
        // A missing bound is null in the JSON: plotly draws no whisker there.
        plus.add(hasCi ? high[i] - values[i] : Double.NaN);
        minus.add(hasCi ? values[i] - low[i] : Double.NaN);
      }
      boolean anyCi = plus.stream().anyMatch(Double::isFinite);
      // One run: the bars are named by the metric (a run id in the legend and hover says nothing then).
      String name = series.size() == 1 || run.isEmpty() ? metric : run;
      traces.add(Attributes.of("type", "bar", "name", name, "x", x, "y", y,
          "error_y", anyCi ? Attributes.of("type", "data", "symmetric", false, "array", plus, "arrayminus", minus, "visible", true) : null,
          "hovertemplate", "%{x}: %{y:.4f}<extra>" + name + "</extra>"));
    }
    Map<String, Object> layout = Attributes.layout(metric + " per component" + (hasCi ? " (95% CI)" : ""), null, metric);
    layout.put("barmode", "group");
    layout.put("showlegend", series.size() > 1);
    return PlotlyFigure.of(traces, layout);
  }
}
