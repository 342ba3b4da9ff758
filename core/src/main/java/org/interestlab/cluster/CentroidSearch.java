package org.interestlab.cluster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;

/**
 * Nearest and second-nearest centroid of chosen points, from blocked float32 matrix products on
 * DJL's PyTorch engine, with labels made exact.
 *
 * <p>A matrix product gives {@code x·c} in float32 with an error of at most {@code γ_d ‖x‖ ‖c‖}
 * (any summation order, FMA or not; {@code γ_d = d u / (1 − d u)}, {@code u = 2⁻²⁴}). When the
 * best candidate beats the runner-up by more than twice that bound, it is the exact nearest centre
 * whatever the engine's rounding; otherwise (a near tie, rare) the point's distances to every
 * centre are recomputed with {@link SquaredDistance#between}. Labels therefore do not depend on
 * the engine, the block size or which other points share a block, so Lloyd over all points and a
 * bounded pass over a few of them give the same answer.
 *
 * <p>Memory: one block of at most {@link #BLOCK_VALUES} distances and its rows are held at once;
 * the points stay in the Java array and are copied block by block into one reused direct buffer.
 */
final class CentroidSearch implements AutoCloseable {
  /** Distances held at once (4 Mi floats = 16 MB, twice: native and Java). */
  static final int BLOCK_VALUES = 1 << 22;
  static final int MAX_BLOCK_ROWS = 8192;
  private static final double U = 0x1p-24;

  private final float[] data;
  private final int d;
  private final int k;
  private final double[] pointNorms;
  private final NDManager manager;
  private final int blockRows;
  private final ByteBuffer rowBuffer;
  private final FloatBuffer rowFloats;
  private final double gamma;
  private final int[] groupOf;
  private final int groups;
  private final double[] groupMin;
  private final double[] exactScratch;

  private NDManager centroidScope;
  private NDArray centroidsT;
  private float[] centroids;
  private double[] centroidSquares;
  private double maxCentroidNorm;

  /**
   * @param data the points, row-major n × d (not copied, not modified)
   * @param pointNorms ‖x_i‖ in double for every point
   * @param groupOf the group of each centre (for the per-group lower bounds)
   */
  CentroidSearch(float[] data, int d, int k, double[] pointNorms, int[] groupOf, int groups, Device device) {
    this.data = data;
    this.groupOf = groupOf;
    this.groups = groups;
    this.groupMin = new double[groups];
    this.exactScratch = new double[k];
    this.d = d;
    this.k = k;
    this.pointNorms = pointNorms;
    this.manager = Engines.newManager(device);
    this.blockRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, BLOCK_VALUES / k));
    this.rowBuffer = ByteBuffer.allocateDirect(blockRows * d * Float.BYTES).order(ByteOrder.nativeOrder());
    this.rowFloats = rowBuffer.asFloatBuffer();
    double du = (double) d * U;
    // 1.01: slack for the conversion of the products to double and the final subtraction.
    this.gamma = 1.01 * du / (1 - du);
  }

  /** Sets the centres (k × d) that the following searches use. */
  void setCentroids(float[] centroids) {
    if (centroidScope != null) centroidScope.close();
    this.centroids = centroids;
    centroidSquares = new double[k];
    double max = 0;
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int t = 0; t < d; t++) s += (double) centroids[j * d + t] * centroids[j * d + t];
      centroidSquares[j] = s;
      max = Math.max(max, s);
    }
    maxCentroidNorm = Math.sqrt(max);
    if (k > 1) {
      centroidScope = manager.newSubManager();
      centroidsT = centroidScope.create(centroids, new Shape(k, d)).transpose().duplicate();
    }
  }

  /** Searches points {@code start..end}; see {@link #search(int[], int)} for what is written. */
  void searchRange(int start, int end, int[] labels, double[] upper, float[] lower) {
    for (int s = start; s < end; s += blockRows) {
      int count = Math.min(blockRows, end - s);
      rowFloats.clear();
      rowFloats.put(data, s * d, count * d);
      block(null, s, count, labels, upper, lower);
    }
  }

  /**
   * Searches the points {@code rows[0..count)}: writes each one's exact nearest centre to
   * {@code labels}, an upper bound on the distance to it to {@code upper} and, for each group g of
   * centres, a lower bound on the distance to the group's centres other than the nearest to
   * {@code lower[i · groups + g]} (distances, not squared, rounded down to float; +∞ for a group
   * with no such centre).
   */
  void search(int[] rows, int count, int[] labels, double[] upper, float[] lower) {
    for (int s = 0; s < count; s += blockRows) {
      int c = Math.min(blockRows, count - s);
      rowFloats.clear();
      for (int r = 0; r < c; r++) rowFloats.put(data, rows[s + r] * d, d);
      int[] ids = new int[c];
      System.arraycopy(rows, s, ids, 0, c);
      block(ids, -1, c, labels, upper, lower);
    }
  }

  private void block(int[] ids, int start, int count, int[] labels, double[] upper, float[] lower) {
    if (k == 1) {
      for (int r = 0; r < count; r++) {
        int i = ids == null ? start + r : ids[r];
        labels[i] = 0;
        upper[i] = SquaredDistance.upper(SquaredDistance.between(data, i * d, centroids, 0, d));
        lower[i] = Float.POSITIVE_INFINITY;
      }
      return;
    }
    float[] products;
    try (NDManager b = manager.newSubManager()) {
      ByteBuffer rows = rowBuffer.duplicate().order(ByteOrder.nativeOrder());
      rows.position(0).limit(count * d * Float.BYTES);
      NDArray x = b.create(rows.slice().order(ByteOrder.nativeOrder()), new Shape(count, d), DataType.FLOAT32);
      products = x.matMul(centroidsT).toFloatArray();
    }
    for (int r = 0; r < count; r++) {
      int i = ids == null ? start + r : ids[r];
      resolve(i, products, r * k, labels, upper, lower);
    }
  }

  /** Picks the nearest centre of point i from its row of products x·c. */
  private void resolve(int i, float[] products, int offset, int[] labels, double[] upper, float[] lower) {
    double xn = pointNorms[i];
    double xx = xn * xn;
    // |computed − exact| of ‖c‖² − 2 x·c, plus a relative allowance for the double arithmetic.
    double err = 2 * gamma * xn * maxCentroidNorm + SquaredDistance.MARGIN * (xn + maxCentroidNorm) * (xn + maxCentroidNorm);
    double best = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    int bestIndex = 0;
    for (int j = 0; j < k; j++) {
      double f = centroidSquares[j] - 2.0 * products[offset + j];
      if (f < best) {
        second = best;
        best = f;
        bestIndex = j;
      } else if (f < second) {
        second = f;
      }
    }
    if (second - best > 2 * err) {
      labels[i] = bestIndex;
      upper[i] = SquaredDistance.upper(best + err + xx);
      java.util.Arrays.fill(groupMin, Double.POSITIVE_INFINITY);
      for (int j = 0; j < k; j++) {
        if (j == bestIndex) continue;
        double f = centroidSquares[j] - 2.0 * products[offset + j];
        if (f < groupMin[groupOf[j]]) groupMin[groupOf[j]] = f;
      }
      for (int g = 0; g < groups; g++) lower[i * groups + g] = SquaredDistance.floatDown(SquaredDistance.lower(groupMin[g] - err + xx));
      return;
    }
    exact(i, labels, upper, lower);
  }

  /** Near tie: the reference distance to every centre; ties go to the lower index. */
  private void exact(int i, int[] labels, double[] upper, float[] lower) {
    double best = Double.POSITIVE_INFINITY;
    int bestIndex = 0;
    for (int j = 0; j < k; j++) {
      double dd = SquaredDistance.between(data, i * d, centroids, j * d, d);
      exactScratch[j] = dd;
      if (dd < best) {
        best = dd;
        bestIndex = j;
      }
    }
    labels[i] = bestIndex;
    upper[i] = SquaredDistance.upper(best);
    java.util.Arrays.fill(groupMin, Double.POSITIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      if (j != bestIndex && exactScratch[j] < groupMin[groupOf[j]]) groupMin[groupOf[j]] = exactScratch[j];
    }
    for (int g = 0; g < groups; g++) lower[i * groups + g] = SquaredDistance.floatDown(SquaredDistance.lower(groupMin[g]));
  }

  @Override
  public void close() {
    manager.close();
  }
}
