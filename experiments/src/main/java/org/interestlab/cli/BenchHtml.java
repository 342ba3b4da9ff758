package org.interestlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.experiment.Json;
import org.interestlab.plot.PlotlyJs;

/**
 * {@code compare.html}: the comparison table and one grouped bar chart per suite and unit (x: benchmark
 * case, one bar per machine, JMH's error as the error bar), drawn by plotly.js inlined once into the
 * page, so it renders without network. The figure JSON is written by hand here (small enough to move
 * into a plotting package later).
 */
final class BenchHtml {
  private BenchHtml() {}

  static String render(BenchComparison c, PlotlyJs plotly) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>InterestLab benchmarks across machines</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right;font-size:90%}")
        .append("th:first-child,td:first-child{text-align:left}.fig{width:100%;max-width:70em;height:28em}</style>\n")
        .append(plotly.html()).append("\n</head><body>\n<h1>InterestLab benchmarks across machines</h1>\n<ol>\n");
    for (BenchResults m : c.machines()) h.append("<li>").append(esc(m.machine())).append("</li>\n");
    h.append("</ol>\n<p>Score ± JMH's 99.9% error; × is the ratio to machine 1 (ms/op: lower is faster; ops/s: higher is faster).</p>\n");
    h.append("<table><tr><th>benchmark</th><th>unit</th>");
    for (int m = 0; m < c.machines().size(); m++) h.append("<th>").append(m + 1).append(". ").append(esc(c.machines().get(m).label())).append("</th>");
    h.append("</tr>\n");
    for (BenchComparison.Row r : c.rows()) {
      h.append("<tr><td>").append(esc(r.key())).append("</td><td>").append(esc(r.unit())).append("</td>");
      for (int m = 0; m < c.machines().size(); m++) h.append("<td>").append(esc(c.cell(r, m))).append("</td>");
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    int n = 0;
    for (Map.Entry<String, List<BenchComparison.Row>> g : groups(c).entrySet()) {
      String id = "fig" + n++;
      h.append("<h2>").append(esc(g.getKey())).append("</h2>\n<div id=\"").append(id).append("\" class=\"fig\"></div>\n")
          .append("<script>Plotly.newPlot('").append(id).append("', ").append(script(Json.write(traces(c, g.getValue()))))
          .append(", ").append(script(Json.write(layout(g.getValue().get(0).unit())))).append(", {responsive: true});</script>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /** Rows grouped by suite and unit: one figure each, so one y axis never mixes units. */
  static Map<String, List<BenchComparison.Row>> groups(BenchComparison c) {
    Map<String, List<BenchComparison.Row>> out = new LinkedHashMap<>();
    for (BenchComparison.Row r : c.rows()) out.computeIfAbsent(r.suite() + " (" + r.unit() + ")", k -> new ArrayList<>()).add(r);
    return out;
  }

  /** One bar trace per machine over the rows' cases. */
  static List<Object> traces(BenchComparison c, List<BenchComparison.Row> rows) {
    List<Object> traces = new ArrayList<>();
    for (int m = 0; m < c.machines().size(); m++) {
      List<Object> x = new ArrayList<>();
      List<Object> y = new ArrayList<>();
      List<Object> err = new ArrayList<>();
      for (BenchComparison.Row r : rows) {
        BenchResults.Score s = r.cells().get(m);
        x.add(r.key().substring(r.suite().length() + 1));
        y.add(s == null ? null : s.score());
        err.add(s == null || Double.isNaN(s.error()) ? null : s.error());
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("type", "bar");
      t.put("name", (m + 1) + ". " + c.machines().get(m).label());
      t.put("x", x);
      t.put("y", y);
      t.put("error_y", Map.of("type", "data", "array", err, "visible", true));
      traces.add(t);
    }
    return traces;
  }

  private static Map<String, Object> layout(String unit) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("barmode", "group");
    l.put("yaxis", Map.of("title", Map.of("text", unit)));
    l.put("xaxis", Map.of("automargin", true));
    l.put("margin", Map.of("t", 20));
    return l;
  }

  /** JSON placed inside a script element: "</" would end the element early. */
  private static String script(String json) {
    return json.replace("</", "<\\/");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
