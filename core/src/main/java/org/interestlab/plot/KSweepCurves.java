package org.interestlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.interestlab.analysis.ModelSelection;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A k sweep as one curve per selection criterion, each in its own panel (their scales differ by orders
 * of magnitude): silhouette (higher is better), Davies–Bouldin (lower), Calinski–Harabasz (higher),
 * inertia (lower; look for the elbow) and BIC (lower; Gaussian mixtures only). A criterion with no
 * finite value is left out.
 *
 * <pre>{@code
 * List<ModelSelection.Row> rows = new ModelSelection(KMeans::of, List.of(4, 8, 12, 16), 2000, 7L).run(vectors);
 * PlotlyFigure f = KSweepCurves.of(rows);
 * }</pre>
 */
public final class KSweepCurves {
  /** Column name and axis label (the arrow says which direction is better). */
  private static final List<String[]> CRITERIA = List.of(
      new String[] {"silhouette", "silhouette ↑"},
      new String[] {"davies_bouldin", "Davies–Bouldin ↓"},
      new String[] {"calinski_harabasz", "Calinski–Harabasz ↑"},
      new String[] {"inertia", "inertia ↓"},
      new String[] {"bic", "BIC ↓"});

  private KSweepCurves() {}

  /** The rows of {@link ModelSelection#run} as a table with columns k and one per criterion. */
  public static Table table(List<ModelSelection.Row> rows) {
    return Table.create("k sweep",
        IntColumn.create("k", rows.stream().mapToInt(ModelSelection.Row::k).toArray()),
        DoubleColumn.create("silhouette", rows.stream().mapToDouble(ModelSelection.Row::silhouette).toArray()),
        DoubleColumn.create("davies_bouldin", rows.stream().mapToDouble(ModelSelection.Row::daviesBouldin).toArray()),
        DoubleColumn.create("calinski_harabasz", rows.stream().mapToDouble(ModelSelection.Row::calinskiHarabasz).toArray()),
        DoubleColumn.create("inertia", rows.stream().mapToDouble(ModelSelection.Row::inertia).toArray()),
        DoubleColumn.create("bic", rows.stream().mapToDouble(ModelSelection.Row::bic).toArray()));
  }

  public static PlotlyFigure of(List<ModelSelection.Row> rows) {
    return of(table(rows));
  }

  /** A table with a column {@code k} and any of silhouette, davies_bouldin, calinski_harabasz, inertia, bic. */
  public static PlotlyFigure of(Table sweep) {
    double[] k = TableColumns.doubles(sweep, "k");
    List<Map<String, Object>> traces = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String[] c : CRITERIA) {
      if (!TableColumns.has(sweep, c[0])) continue;
      double[] v = TableColumns.doubles(sweep, c[0]);
      if (Arrays.stream(v).noneMatch(Double::isFinite)) continue;
      int panel = traces.size() + 1;
      String suffix = panel == 1 ? "" : String.valueOf(panel);
      traces.add(Attributes.of("type", "scatter", "mode", "lines+markers", "name", c[0], "x", k, "y", v,
          "xaxis", "x" + suffix, "yaxis", "y" + suffix));
      labels.add(c[1]);
    }
    if (traces.isEmpty()) throw new IllegalArgumentException("table '" + sweep.name() + "' holds no finite selection criterion");
    Map<String, Object> layout = Attributes.of("title", Attributes.of("text", "Choosing k"), "showlegend", false,
        "height", 200 * traces.size() + 80, "margin", Attributes.of("t", 50),
        "grid", Attributes.of("rows", traces.size(), "columns", 1, "pattern", "independent"));
    for (int i = 0; i < labels.size(); i++) {
      String suffix = i == 0 ? "" : String.valueOf(i + 1);
      layout.put("yaxis" + suffix, Attributes.of("title", Attributes.of("text", labels.get(i))));
      layout.put("xaxis" + suffix, Attributes.of("title", Attributes.of("text", i == labels.size() - 1 ? "k" : "")));
    }
    return PlotlyFigure.of(traces, layout);
  }
}
