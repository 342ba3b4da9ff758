package org.interestlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.PrincipalComponents;

/**
 * Users as points in two dimensions, coloured by cluster: one scatter trace per cluster (noise, label
 * −1, in grey), hover text the user id. {@link #pca} projects on the first two principal components
 * (randomized SVD, {@link PrincipalComponents}); {@link #of} draws coordinates from anywhere else.
 *
 * <p>Non-linear projections (t-SNE, UMAP) are not offered: the one well-kept Java library on Maven
 * Central that has both (Smile) is GPL-3.0, which this project does not take on as a dependency.
 *
 * <pre>{@code
 * PlotlyFigure f = Projection.pca(userVectors, clustering.labels(), userIds, 42L);
 * }</pre>
 */
public final class Projection {
  private Projection() {}

  /** PCA to 2-D (seeded), then {@link #of}. */
  public static PlotlyFigure pca(Embeddings vectors, int[] labels, List<String> ids, long seed) {
    double[][] xy = PrincipalComponents.project(vectors, 2, seed);
    return of(xy, labels, ids, "PCA of user vectors", "PC 1", "PC 2");
  }

  /** Points {@code xy[i] = {x, y}} with cluster {@code labels[i]} and hover text {@code ids.get(i)} (ids may be null). */
  public static PlotlyFigure of(double[][] xy, int[] labels, List<String> ids, String title, String xTitle, String yTitle) {
    if (xy.length != labels.length) throw new IllegalArgumentException(xy.length + " points but " + labels.length + " labels");
    if (ids != null && ids.size() != labels.length) throw new IllegalArgumentException(labels.length + " labels but " + ids.size() + " ids");
    Map<Integer, List<Integer>> byCluster = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) byCluster.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
    List<Map<String, Object>> traces = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : byCluster.entrySet()) {
      List<Integer> members = e.getValue();
      double[] x = new double[members.size()];
      double[] y = new double[members.size()];
      List<String> text = ids == null ? null : new ArrayList<>();
      for (int j = 0; j < members.size(); j++) {
        x[j] = xy[members.get(j)][0];
        y[j] = xy[members.get(j)][1];
        if (text != null) text.add(ids.get(members.get(j)));
      }
      boolean noise = e.getKey() < 0;
      traces.add(Attributes.of("type", "scatter", "mode", "markers", "name", noise ? "noise" : "cluster " + e.getKey(), "x", x, "y", y,
          "text", text, "marker", noise ? Attributes.of("size", 4, "color", "#bbbbbb") : Attributes.of("size", 4)));
    }
    return PlotlyFigure.of(traces, Attributes.layout(title, xTitle, yTitle));
  }
}
