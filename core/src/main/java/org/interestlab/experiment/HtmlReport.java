package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html} of a run: one self-contained page (no scripts, no network) with the metrics
 * table, horizontal bars per ranking metric, cluster sizes and stage timings.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String render(ExperimentConfig config, Map<String, Object> metricsJson, Map<String, Map<String, Double>> results,
      Timings timings) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(config.name())).append(" — InterestLab run</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}.bar{background:#4a7fb5;height:.9em;display:inline-block}")
        .append("code{background:#f4f4f4;padding:0 .2em}</style></head><body>\n");
    h.append("<h1>").append(esc(config.name())).append("</h1>\n<p>seed <code>").append(config.seed())
        .append("</code> · config <code>").append(esc(config.file())).append("</code> · K = ").append(config.topK()).append("</p>\n");

    Set<String> metricNames = new LinkedHashSet<>();
    results.values().forEach(m -> metricNames.addAll(m.keySet()));
    h.append("<h2>Metrics</h2>\n<table><tr><th>component</th>");
    for (String m : metricNames) h.append("<th>").append(esc(m)).append("</th>");
    h.append("</tr>\n");
    results.forEach((component, ms) -> {
      h.append("<tr><td>").append(esc(component)).append("</td>");
      for (String m : metricNames) h.append("<td>").append(ms.containsKey(m) ? fmt(ms.get(m)) : "").append("</td>");
      h.append("</tr>\n");
    });
    h.append("</table>\n");

    for (String m : metricNames) {
      List<String[]> rows = new ArrayList<>();
      double max = 0;
      for (ComponentConfig rc : config.recommenders()) {
        Double v = results.get(rc.name()).get(m);
        if (v == null) continue;
        rows.add(new String[] {rc.name(), String.valueOf(v)});
        max = Math.max(max, v);
      }
      if (rows.isEmpty()) continue;
      h.append("<h3>").append(esc(m)).append("</h3>\n<table>");
      for (String[] r : rows) {
        double v = Double.parseDouble(r[1]);
        int width = max > 0 ? (int) Math.round(300 * v / max) : 0;
        h.append("<tr><td>").append(esc(r[0])).append("</td><td style=\"text-align:left\"><span class=\"bar\" style=\"width:")
            .append(width).append("px\"></span> ").append(fmt(v)).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    if (metricsJson.get("clusterer") instanceof Map<?, ?> c && c.get("sizes") instanceof List<?> sizes) {
      int max = sizes.stream().mapToInt(o -> ((Number) o).intValue()).max().orElse(1);
      h.append("<h2>Cluster sizes</h2>\n<table>");
      for (int i = 0; i < sizes.size(); i++) {
        int s = ((Number) sizes.get(i)).intValue();
        h.append("<tr><td>").append(i).append("</td><td style=\"text-align:left\"><span class=\"bar\" style=\"width:")
            .append(max > 0 ? 300 * s / max : 0).append("px\"></span> ").append(s).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>Timings (s)</h2>\n<table>");
    timings.asMap().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
        .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : esc(String.valueOf(v))).append("</td></tr>\n"));
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
