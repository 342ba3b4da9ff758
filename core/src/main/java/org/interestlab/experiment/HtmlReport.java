package org.interestlab.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interestlab.compute.Embeddings;
import org.interestlab.plot.PlotlyFigure;
import org.interestlab.plot.PlotlyJs;
import tech.tablesaw.api.Table;

/**
 * {@code report.html} of a run, built from the files already in its folder: one self-contained page
 * (plotly.js inlined once in the head, no network when the build had npm, see {@link PlotlyJs}) with
 * the metrics table, the run's figures ({@link RunFigures}), the hierarchy's nodes, the dynamic events,
 * stage timings, the resolved config and the environment. Every value is printed from the files, never
 * a Java object's {@code toString}.
 */
final class HtmlReport {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}"
      + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right;vertical-align:top}"
      + "th:first-child,td:first-child,td.text{text-align:left}code,pre{background:#f4f4f4;padding:0 .2em}pre{padding:.6em;overflow:auto}"
      + ".figure{margin:1em 0;min-height:380px}.note{color:#666}.wide{overflow-x:auto}";

  private HtmlReport() {}

  /** The page for the run in {@code folder}; {@code userVectors} (rows as in clusters.csv, or null) adds the projection. */
  static String render(Path folder, Embeddings userVectors) {
    Runs run = Runs.load(folder);
    RunFolder r = run.runs().get(0);
    Map<String, Object> metrics = r.metrics();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(r.name()))
        .append(" — InterestLab run</title>\n<style>").append(STYLE).append("</style>\n").append(PlotlyJs.script()).append("</head><body>\n");
    h.append("<h1>").append(esc(r.name())).append("</h1>\n<p>seed <code>").append(esc(r.config().getOrDefault("seed", "")))
        .append("</code> · config hash <code>").append(esc(text(metrics.get("config_sha256_8")))).append("</code> · K = ")
        .append(esc(text(metrics.get("k")))).append(datasetLine(metrics)).append("</p>\n");

    metricsTable(h, run.metrics());
    Map<String, PlotlyFigure> figures = RunFigures.of(run, userVectors);
    if (!figures.isEmpty()) h.append("<h2>Figures</h2>\n");
    int i = 0;
    for (Map.Entry<String, PlotlyFigure> f : figures.entrySet()) {
      h.append("<h3>").append(esc(f.getKey())).append("</h3>\n<div class=\"figure\">").append(f.getValue().html("figure" + i++))
          .append("</div>\n");
    }
    hierarchy(h, run);
    events(h, run.events());
    timings(h, r);
    h.append("<h2>Resolved config</h2>\n<pre>").append(esc(read(folder.resolve(RunFolder.CONFIG)))).append("</pre>\n");
    environment(h, r);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String datasetLine(Map<String, Object> metrics) {
    if (!(metrics.get("dataset") instanceof Map<?, ?> d)) return "";
    return " · dataset <code>" + esc(text(d.get("name"))) + "</code>: " + esc(text(d.get("users"))) + " users, "
        + esc(text(d.get("items"))) + " items";
  }

  /** Component rows × metric columns; a recommender's value carries its interval: 0.2662 [0.2583, 0.2744]. */
  private static void metricsTable(StringBuilder h, Table m) {
    if (m.rowCount() == 0) return;
    Set<String> components = new LinkedHashSet<>(m.stringColumn("component").asList());
    Set<String> names = new LinkedHashSet<>(m.stringColumn("metric").asList());
    h.append("<h2>Metrics</h2>\n<div class=\"wide\"><table><tr><th>component</th>");
    for (String n : names) h.append("<th>").append(esc(n)).append("</th>");
    h.append("</tr>\n");
    for (String c : components) {
      h.append("<tr><td>").append(esc(c)).append("</td>");
      for (String n : names) {
        h.append("<td>");
        for (int i = 0; i < m.rowCount(); i++) {
          if (!m.stringColumn("component").get(i).equals(c) || !m.stringColumn("metric").get(i).equals(n)) continue;
          h.append(fmt(m.doubleColumn("value").getDouble(i)));
          double lo = m.doubleColumn("ci_low").getDouble(i);
          double hi = m.doubleColumn("ci_high").getDouble(i);
          if (Double.isFinite(lo) && Double.isFinite(hi)) h.append(" <span class=\"note\">[").append(fmt(lo)).append(", ").append(fmt(hi)).append("]</span>");
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table></div>\n");
    if (m.doubleColumn("ci_low").countMissing() < m.rowCount()) {
      h.append("<p class=\"note\">[low, high]: 95% percentile bootstrap interval over users.</p>\n");
    }
  }

  private static void hierarchy(StringBuilder h, Runs run) {
    var nodes = run.hierarchy(run.runs().get(0).id());
    if (nodes.isEmpty()) return;
    h.append("<h2>Interest hierarchy</h2>\n<table><tr><th>node</th><th>users</th><th>keywords</th></tr>\n");
    for (var n : nodes) {
      String indent = n.parent() == null ? "" : "&nbsp;&nbsp;&nbsp;&nbsp;";
      h.append("<tr><td>").append(indent).append(esc(n.id())).append("</td><td>").append(n.size()).append("</td><td class=\"text\">")
          .append(esc(String.join(", ", n.keywords()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** Births, deaths, splits and merges (continuations are the bands of the figure). */
  private static void events(StringBuilder h, Table e) {
    if (e.rowCount() == 0) return;
    h.append("<h2>Dynamic events</h2>\n<table><tr><th>window</th><th>start</th><th>event</th><th>from</th><th>to</th><th>keywords</th></tr>\n");
    for (int i = 0; i < e.rowCount(); i++) {
      String type = e.stringColumn("event").get(i);
      if (type.equals("continue")) continue;
      h.append("<tr><td>").append(fmtInt(e.doubleColumn("window").getDouble(i))).append("</td><td class=\"text\">")
          .append(esc(e.stringColumn("start").get(i))).append("</td><td class=\"text\">").append(esc(type)).append("</td><td>")
          .append(esc(e.stringColumn("from").get(i))).append("</td><td>").append(esc(e.stringColumn("to").get(i)))
          .append("</td><td class=\"text\">").append(esc(e.stringColumn("keywords").get(i))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** Seconds per stage; a nested entry (the embedding cache's counts) as "key value" pairs. */
  private static void timings(StringBuilder h, RunFolder r) {
    Path f = r.file("timings.json");
    if (f == null) return;
    h.append("<h2>Timings</h2>\n<table><tr><th>stage</th><th>value</th></tr>\n");
    for (Map.Entry<?, ?> e : readJson(f).entrySet()) {
      h.append("<tr><td>").append(esc(String.valueOf(e.getKey()))).append("</td><td class=\"text\">").append(esc(value(e.getValue(), " s")))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void environment(StringBuilder h, RunFolder r) {
    Path f = r.file("environment.json");
    if (f == null) return;
    h.append("<h2>Environment</h2>\n<table>\n");
    for (Map.Entry<?, ?> e : readJson(f).entrySet()) {
      h.append("<tr><td>").append(esc(String.valueOf(e.getKey()))).append("</td><td class=\"text\">").append(esc(value(e.getValue(), "")))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** A JSON value as people read it: numbers with their unit, maps as "key value · key value", lists comma-separated. */
  private static String value(Object v, String unit) {
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.3f", d) + unit;
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder();
      m.forEach((k, x) -> sb.append(sb.length() > 0 ? " · " : "").append(k).append(' ').append(value(x, "")));
      return sb.toString();
    }
    if (v instanceof List<?> l) return String.join(", ", l.stream().map(x -> value(x, "")).toList());
    return text(v);
  }

  private static Map<?, ?> readJson(Path f) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(f.toFile(), java.util.LinkedHashMap.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** Four decimals; counts (whole numbers such as clusters or windows) without any. */
  private static String fmt(double v) {
    if (!Double.isFinite(v)) return "";
    return v == Math.rint(v) && Math.abs(v) >= 1 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String fmtInt(double v) {
    return Double.isFinite(v) ? String.valueOf((long) v) : "";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
