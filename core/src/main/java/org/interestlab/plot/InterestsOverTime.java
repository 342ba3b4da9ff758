package org.interestlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * Interests over time: users per cluster in each time window as a stacked area (one band per cluster,
 * zero where the cluster does not exist), and the tracker's births, deaths, splits and merges as
 * markers on the band they concern — a birth, split or merge at the top of the resulting cluster's band
 * in its window, a death at the top of the dying cluster's band in the window before.
 *
 * <p>Inputs, as {@code experiment.Runs} reads them from a dynamic-interests run: {@code sizes} with
 * columns {@code window}, {@code start} (date of the window's first day), {@code cluster}, {@code size}
 * ({@code window_clusters.csv}); {@code events} with {@code window}, {@code event}, {@code from},
 * {@code to} ({@code events.csv}; ids joined by "+"), or null for no markers.
 *
 * <pre>{@code
 * Runs runs = Runs.load(Path.of("experiments/runs/20261203T120000Z-dynamic-interests-82e42d05-1"));
 * PlotlyFigure f = InterestsOverTime.of(runs.windowClusters(), runs.events());
 * }</pre>
 *
 * @see org.interestlab.analysis.DynamicInterests
 */
public final class InterestsOverTime {
  /** Event types drawn as markers, with their marker symbol; "continue" is the band itself. */
  private static final Map<String, String> MARKED = new LinkedHashMap<>();

  static {
    MARKED.put("birth", "star");
    MARKED.put("death", "x");
    MARKED.put("split", "triangle-down");
    MARKED.put("merge", "triangle-up");
  }

  private InterestsOverTime() {}

  public static PlotlyFigure of(Table sizes, Table events) {
    double[] window = TableColumns.doubles(sizes, "window");
    List<String> start = TableColumns.strings(sizes, "start");
    double[] cluster = TableColumns.doubles(sizes, "cluster");
    double[] size = TableColumns.doubles(sizes, "size");
    TreeMap<Integer, String> starts = new TreeMap<>();
    TreeSet<Integer> clusters = new TreeSet<>();
    Map<Integer, Map<Integer, Double>> sizeOf = new TreeMap<>(); // cluster → window → users
    for (int i = 0; i < window.length; i++) {
      starts.put((int) window[i], start.get(i));
      clusters.add((int) cluster[i]);
      sizeOf.computeIfAbsent((int) cluster[i], c -> new TreeMap<>()).put((int) window[i], size[i]);
    }
    List<Integer> windows = new ArrayList<>(starts.keySet());
    List<String> x = new ArrayList<>(starts.values());
    List<Map<String, Object>> traces = new ArrayList<>();
    // top[c][w]: the stack's height up to and including cluster c's band (bands stack in cluster order).
    Map<Integer, double[]> top = new TreeMap<>();
    double[] running = new double[windows.size()];
    for (int c : clusters) {
      double[] y = new double[windows.size()];
      for (int w = 0; w < windows.size(); w++) {
        y[w] = sizeOf.get(c).getOrDefault(windows.get(w), 0.0);
        running[w] += y[w];
      }
      top.put(c, running.clone());
      traces.add(Attributes.of("type", "scatter", "mode", "lines", "stackgroup", "clusters", "name", "cluster " + c, "x", x, "y", y,
          "line", Attributes.of("width", 0.5), "hovertemplate", "cluster " + c + ": %{y} users<extra>%{x}</extra>"));
    }
    if (events != null) traces.addAll(markers(events, windows, x, top));
    Map<String, Object> layout = Attributes.layout("Interests over time", "window start", "users");
    layout.put("hovermode", "closest");
    return PlotlyFigure.of(traces, layout);
  }

  private static List<Map<String, Object>> markers(Table events, List<Integer> windows, List<String> x, Map<Integer, double[]> top) {
    double[] window = TableColumns.doubles(events, "window");
    List<String> type = TableColumns.strings(events, "event");
    List<String> from = TableColumns.strings(events, "from");
    List<String> to = TableColumns.strings(events, "to");
    List<Map<String, Object>> traces = new ArrayList<>();
    for (Map.Entry<String, String> kind : MARKED.entrySet()) {
      List<String> mx = new ArrayList<>();
      List<Double> my = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int i = 0; i < window.length; i++) {
        if (!type.get(i).equals(kind.getKey())) continue;
        boolean death = kind.getKey().equals("death");
        int w = windows.indexOf((int) window[i] - (death ? 1 : 0));
        String ids = death ? from.get(i) : to.get(i);
        if (w < 0 || ids.isEmpty()) continue;
        double[] band = top.get(Integer.parseInt(ids.split("\\+")[0].trim()));
        if (band == null) continue;
        mx.add(x.get(w));
        my.add(band[w]);
        text.add(kind.getKey() + " " + (from.get(i).isEmpty() ? "" : from.get(i) + " → ") + to.get(i));
      }
      if (mx.isEmpty()) continue;
      traces.add(Attributes.of("type", "scatter", "mode", "markers", "name", kind.getKey(), "x", mx, "y", my, "text", text,
          "marker", Attributes.of("symbol", kind.getValue(), "size", 12, "color", "#222222"), "hovertemplate", "%{text}<extra>%{x}</extra>"));
    }
    return traces;
  }
}
