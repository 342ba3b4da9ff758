package org.interestlab.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A plotly figure held as plain data — traces and a layout, each a map of plotly attributes — so it can
 * use any plotly trace type and attribute (error bars, stacked areas, treemaps, sunbursts), which
 * tablesaw-jsplot's own builders do not all offer. It is a tablesaw-jsplot {@link Figure}, so the
 * notebook kernel and {@code tech.tablesaw.plotly.Plot.show} display it like any other.
 *
 * <pre>{@code
 * PlotlyFigure f = ClusterSizes.of(new int[] {120, 80, 40});
 * String json = f.toJson();          // {"data":[{"type":"bar",...}],"layout":{...}}
 * String html = f.html("sizes");     // <div id="sizes"> and the script that draws it (plotly.js not included)
 * }</pre>
 */
public final class PlotlyFigure extends Figure {
  private final List<Map<String, Object>> traces;
  private final Map<String, Object> layout;

  private PlotlyFigure(List<Map<String, Object>> traces, Map<String, Object> layout) {
    super(tracesOf(traces));
    this.traces = traces;
    this.layout = layout;
  }

  /** A figure of these traces (copied) under this layout (copied); titles and sizes go in the layout. */
  public static PlotlyFigure of(List<Map<String, Object>> traces, Map<String, Object> layout) {
    List<Map<String, Object>> t = new ArrayList<>();
    for (Map<String, Object> m : traces) t.add(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    return new PlotlyFigure(Collections.unmodifiableList(t), Collections.unmodifiableMap(new LinkedHashMap<>(layout)));
  }

  /** The traces, in drawing order (plotly's {@code data}). */
  public List<Map<String, Object>> traces() {
    return traces;
  }

  public Map<String, Object> layout() {
    return layout;
  }

  /** {@code {"data": [...], "layout": {...}}}: what {@code Plotly.newPlot} takes. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data", traces);
    m.put("layout", layout);
    return PlotJson.write(m);
  }

  /** A div with this id and the script that draws the figure into it; the page must load plotly.js first. */
  public String html(String divId) {
    return divString(divId) + asJavascript(divId);
  }

  /** The drawing script for the div {@code divName} (used by jsplot's renderers and the notebook kernel). */
  @Override
  public String asJavascript(String divName) {
    return "<script>(function() {\n  var f = " + toJson() + ";\n  Plotly.newPlot(document.getElementById('"
        + divName.replace("'", "") + "'), f.data, f.layout, {responsive: true, displaylogo: false});\n})();\n</script>\n";
  }

  private static Trace[] tracesOf(List<Map<String, Object>> traces) {
    Trace[] t = new Trace[traces.size()];
    for (int i = 0; i < t.length; i++) t[i] = new DataTrace(traces.get(i));
    return t;
  }

  /** One trace as jsplot's {@link Trace}, so {@code getTraces()} counts and names them as for any figure. */
  private record DataTrace(Map<String, Object> attributes) implements Trace {
    @Override
    public String asJavascript(int i) {
      return "var trace" + i + " = " + PlotJson.write(attributes) + ";";
    }

    @Override
    public String name() {
      Object n = attributes.get("name");
      return n == null ? "" : n.toString();
    }

    @Override
    public HoverLabel hoverLabel() {
      return null;
    }

    @Override
    public boolean showLegend() {
      return !Boolean.FALSE.equals(attributes.get("showlegend"));
    }
  }
}
