package org.interestlab.cluster;

import org.interestlab.compute.Device;

/**
 * Nearest centres of chosen points for mini-batch k-means, by {@link CentroidSearch} (one group of
 * centres): each label is the arg-min of the reference distance {@link SquaredDistance#between},
 * ties to the lower index, exactly as k-means labels, whatever the engine's rounding; each distance
 * is that reference distance to the chosen centre.
 *
 * <p>The engine is used when one call's work ({@code rows × k × d}) reaches
 * {@link LloydIterations#ENGINE_MIN_WORK}; below it the per-call cost of the engine dominates (a
 * 1024 × 16 × 64 step measured 6 ms on the engine against 0.5 ms in Java on two busy cores) and
 * every distance is the reference one in Java, with the same labels. Memory: an int, a double and
 * a float per point of {@code data}, beside the search's block.
 *
 * <pre>{@code
 * try (MiniBatchAssignment a = new MiniBatchAssignment(data, n, d, k, norms, batch, device)) {
 *   a.assign(ids, batch, centres, labels, squaredDistances);
 * }
 * }</pre>
 */
final class MiniBatchAssignment implements AutoCloseable {
  private final float[] data;
  private final int d;
  private final CentroidSearch search;
  /** The search's output, indexed by point (not by position in a call). */
  private final int[] labels;
  private final double[] upper;
  private final float[] lower;

  /**
   * @param data the points, row-major n × d (not copied, not modified)
   * @param norms ‖x_i‖ in double for every point
   * @param rowsPerCall the most points one {@link #assign} call is given
   */
  MiniBatchAssignment(float[] data, int n, int d, int k, double[] norms, int rowsPerCall, Device device) {
    this.data = data;
    this.d = d;
    boolean useEngine = (double) rowsPerCall * k * d >= LloydIterations.ENGINE_MIN_WORK;
    // The search's row count only sizes its blocks; one group holding every centre (Hamerly's layout).
    this.search = new CentroidSearch(data, rowsPerCall, d, k, norms, new int[k], 1, useEngine, device);
    this.labels = new int[n];
    this.upper = new double[n];
    this.lower = new float[n];
  }

  /** ‖x_i‖ in double for every point, as {@link CentroidSearch} needs them. */
  static double[] norms(float[] data, int n, int d) {
    double[] norms = new double[n];
    float[] origin = new float[d];
    for (int i = 0; i < n; i++) norms[i] = Math.sqrt(SquaredDistance.between(data, i * d, origin, 0, d));
    return norms;
  }

  /**
   * Writes the nearest of {@code centres} (k × d, read during the call only) of the points
   * {@code ids[0..count)} to {@code outLabels[0..count)} and the reference squared distances to them
   * to {@code outSquared[0..count)}. {@code ids} may repeat points.
   */
  void assign(int[] ids, int count, float[] centres, int[] outLabels, double[] outSquared) {
    search.setCentroids(centres);
    search.search(ids, count, labels, upper, lower);
    for (int r = 0; r < count; r++) {
      int i = ids[r];
      int l = labels[i];
      outLabels[r] = l;
      outSquared[r] = SquaredDistance.between(data, i * d, centres, l * d, d);
    }
  }

  @Override
  public void close() {
    search.close();
  }
}
