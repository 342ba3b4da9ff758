package org.interestlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Users per cluster as bars, largest first so a dominant or a tiny cluster stands out; the noise of a
 * density clusterer (label −1) is its own bar, "noise", at the end.
 *
 * <pre>{@code
 * PlotlyFigure f = ClusterSizes.ofLabels(clustering.labels());
 * PlotlyFigure g = ClusterSizes.of(new int[] {248, 258, 373});   // sizes of clusters 0, 1, 2
 * }</pre>
 */
public final class ClusterSizes {
  private ClusterSizes() {}

  /** Sizes indexed by cluster id. */
  public static PlotlyFigure of(int[] sizes) {
    return build(sizes, 0);
  }

  /** Counts the labels (−1 = noise). */
  public static PlotlyFigure ofLabels(int[] labels) {
    int max = -1;
    int noise = 0;
    for (int l : labels) {
      if (l < -1) throw new IllegalArgumentException("cluster labels are ≥ −1, got " + l);
      if (l == -1) noise++;
      max = Math.max(max, l);
    }
    int[] sizes = new int[max + 1];
    for (int l : labels) if (l >= 0) sizes[l]++;
    return build(sizes, noise);
  }

  private static PlotlyFigure build(int[] sizes, int noise) {
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < sizes.length; c++) if (sizes[c] > 0) order.add(c);
    order.sort((a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    List<String> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int c : order) {
      x.add("cluster " + c);
      y.add(sizes[c]);
    }
    if (noise > 0) {
      x.add("noise");
      y.add(noise);
    }
    Map<String, Object> trace = Attributes.of("type", "bar", "name", "users", "x", x, "y", y, "text", y, "textposition", "auto");
    Map<String, Object> layout = Attributes.layout("Cluster sizes", "cluster", "users");
    layout.put("xaxis", Attributes.of("title", Attributes.of("text", "cluster"), "type", "category"));
    return PlotlyFigure.of(List.of(trace), layout);
  }
}
