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
  /** Rows per parallel task when resolving a block of products. */
  private static final int RESOLVE_ROWS = 1024;
  private static final double U = 0x1p-24;
  /** Below this (‖x‖ + max ‖c‖)², sums of squares and products stay far from float's overflow. */
  private static final double FLOAT_SAFE = 1e30;

  private final float[] data;
  private final int d;
  private final int k;
  private final double[] pointNorms;
  private final NDManager manager;
  private final int blockRows;
  /**
   * Where a block's rows are written: straight into {@link #rowTensor}'s memory when the engine
   * lends it out (PyTorch on the CPU), else into a direct buffer that each block copies in.
   */
  private final FloatBuffer rowFloats;
  private final NDArray rowTensor;
  private final ByteBuffer rowBuffer;
  /** One block of products, copied out of the engine (reused: no large allocation per block). */
  private final float[] productBuffer;
  private final double gamma;
  private final boolean useEngine;
  private final int[] groupOf;
  private final int groups;
  /** Work space of the calling thread (searches without the engine). */
  private final Scratch scratch;
  /** Centre indices sorted by group (stable), and where each group starts in that order. */
  private final int[] order;
  private final int[] groupStart;
  /** Every centre its own group, in index order (Elkan's bounds): {@link #resolvePerCentre}. */
  private final boolean perCentre;

  private NDManager centroidScope;
  private NDArray centroidsT;
  private NDArray centroidsByGroup;
  private float[] centroids;
  private double[] centroidSquares;
  /** {@link #centroidSquares} rounded to float, for the float bounds of {@link #resolvePerCentre}. */
  private float[] centroidSquaresF;
  private double maxCentroidNorm;

  /**
   * @param data the points, row-major n × d (not copied, not modified)
   * @param pointNorms ‖x_i‖ in double for every point
   * @param groupOf the group of each centre (for the per-group lower bounds)
   * @param useEngine false: every distance by {@link SquaredDistance} in Java, for problems too
   *     small to pay for the engine (same labels either way)
   */
  CentroidSearch(float[] data, int n, int d, int k, double[] pointNorms, int[] groupOf, int groups, boolean useEngine,
      Device device) {
    this.data = data;
    this.useEngine = useEngine && k > 1;
    this.groupOf = groupOf;
    this.groups = groups;
    this.scratch = new Scratch(groups, k);
    this.order = new int[k];
    this.groupStart = new int[groups + 1];
    for (int j = 0; j < k; j++) groupStart[groupOf[j] + 1]++;
    for (int g = 0; g < groups; g++) groupStart[g + 1] += groupStart[g];
    int[] fill = java.util.Arrays.copyOf(groupStart, groups);
    for (int j = 0; j < k; j++) order[fill[groupOf[j]]++] = j;
    boolean identity = groups == k;
    for (int j = 0; j < k && identity; j++) identity = groupOf[j] == j;
    this.perCentre = identity;
    this.d = d;
    this.k = k;
    this.pointNorms = pointNorms;
    // Rows per block: bounded by the distances held and by the rows' own size (int buffer sizes).
    this.blockRows = Math.max(1, Math.min(Math.min(n, MAX_BLOCK_ROWS), Math.min(BLOCK_VALUES / k, BLOCK_VALUES / d)));
    if (this.useEngine) {
      this.manager = Engines.newManager(device);
      NDArray tensor = manager.zeros(new Shape(blockRows, d), DataType.FLOAT32);
      FloatBuffer view = tensor.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
      view.put(0, 1f);
      if (view.capacity() == blockRows * d && tensor.getFloat(0, 0) == 1f) {
        this.rowTensor = tensor;
        this.rowBuffer = null;
        this.rowFloats = view;
      } else {
        tensor.close();
        this.rowTensor = null;
        this.rowBuffer = ByteBuffer.allocateDirect(blockRows * d * Float.BYTES).order(ByteOrder.nativeOrder());
        this.rowFloats = rowBuffer.asFloatBuffer();
      }
      this.productBuffer = new float[blockRows * k];
    } else {
      this.productBuffer = null;
      this.manager = null;
      this.rowBuffer = null;
      this.rowFloats = null;
      this.rowTensor = null;
    }
    double du = (double) d * U;
    // 1.01: slack for the conversion of the products to double and the final subtraction.
    this.gamma = 1.01 * du / (1 - du);
  }

  /**
   * Sets the centres (k × d) that the following searches use. They go to the engine in group order
   * ({@link #order}), so that each row of products scans one group after another.
   */
  void setCentroids(float[] centroids) {
    if (centroidScope != null) centroidScope.close();
    this.centroids = centroids;
    centroidSquares = new double[k];
    centroidSquaresF = new float[k];
    double max = 0;
    for (int q = 0; q < k; q++) {
      int j = order[q];
      double s = 0;
      for (int t = 0; t < d; t++) s += (double) centroids[j * d + t] * centroids[j * d + t];
      centroidSquares[q] = s;
      centroidSquaresF[q] = (float) s;
      max = Math.max(max, s);
    }
    maxCentroidNorm = Math.sqrt(max);
    if (useEngine) {
      float[] permuted = new float[k * d];
      for (int q = 0; q < k; q++) System.arraycopy(centroids, order[q] * d, permuted, q * d, d);
      centroidScope = manager.newSubManager();
      centroidsByGroup = centroidScope.create(permuted, new Shape(k, d));
      centroidsT = centroidsByGroup.transpose().duplicate();
    }
  }

  /**
   * Half the distance from each centre to its nearest other centre, as a lower bound (Hamerly's
   * {@code s}), from one blocked k × k product with the same error allowance as the search.
   */
  double[] halfGaps() {
    double[] half = new double[k];
    if (k == 1) {
      half[0] = Double.POSITIVE_INFINITY;
      return half;
    }
    if (!useEngine) {
      for (int a = 0; a < k; a++) {
        double min = Double.POSITIVE_INFINITY;
        for (int b = 0; b < k; b++) if (b != a) min = Math.min(min, SquaredDistance.between(centroids, a * d, centroids, b * d, d));
        half[a] = 0.5 * SquaredDistance.lower(min);
      }
      return half;
    }
    double[] norms = new double[k];
    for (int q = 0; q < k; q++) norms[q] = Math.sqrt(centroidSquares[q]);
    int rows = Math.max(1, Math.min(k, BLOCK_VALUES / k));
    for (int s = 0; s < k; s += rows) {
      int count = Math.min(rows, k - s);
      float[] products;
      try (NDManager b = manager.newSubManager()) {
        NDArray block = centroidsByGroup.get(s + ":" + (s + count));
        block.attach(b);
        products = block.matMul(centroidsT).toFloatArray();
      }
      for (int r = 0; r < count; r++) {
        int a = s + r;
        double na = norms[a];
        double min = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
          if (q == a) continue;
          double nb = norms[q];
          double err = productError(na, nb);
          min = Math.min(min, centroidSquares[a] + centroidSquares[q] - 2.0 * products[r * k + q] - err);
        }
        half[order[a]] = 0.5 * SquaredDistance.lower(min);
      }
    }
    return half;
  }

  /** Searches points {@code start..end}; see {@link #search(int[], int)} for what is written. */
  void searchRange(int start, int end, int[] labels, double[] upper, float[] lower) {
    if (!useEngine) {
      for (int i = start; i < end; i++) exact(i, labels, upper, lower, scratch);
      return;
    }
    for (int s = start; s < end; s += blockRows) block(null, s, Math.min(blockRows, end - s), labels, upper, lower);
  }

  /**
   * Searches the points {@code rows[0..count)}: writes each one's exact nearest centre to
   * {@code labels}, an upper bound on the distance to it to {@code upper} and, for each group g of
   * centres, a lower bound on the distance to the group's centres other than the nearest to
   * {@code lower[i · groups + g]} (distances, not squared, rounded down to float; +∞ for a group
   * with no such centre).
   */
  void search(int[] rows, int count, int[] labels, double[] upper, float[] lower) {
    if (!useEngine) {
      for (int r = 0; r < count; r++) exact(rows[r], labels, upper, lower, scratch);
      return;
    }
    for (int s = 0; s < count; s += blockRows) {
      int c = Math.min(blockRows, count - s);
      int[] ids = new int[c];
      System.arraycopy(rows, s, ids, 0, c);
      block(ids, -1, c, labels, upper, lower);
    }
  }

  /** One block of points as an engine array: written into the engine's rows, or copied in from the row buffer. */
  private NDArray rows(NDManager b, int[] ids, int start, int count) {
    rowFloats.clear();
    if (ids == null) {
      rowFloats.put(data, start * d, count * d);
    } else {
      // Runs of consecutive points (most of them when most points are open) go in one copy each.
      for (int r = 0; r < count;) {
        int end = r + 1;
        while (end < count && ids[end] == ids[end - 1] + 1) end++;
        rowFloats.put(data, ids[r] * d, (end - r) * d);
        r = end;
      }
    }
    if (rowTensor != null) {
      NDArray x = rowTensor.get("0:" + count);
      x.attach(b);
      return x;
    }
    ByteBuffer rows = rowBuffer.duplicate().order(ByteOrder.nativeOrder());
    rows.position(0).limit(count * d * Float.BYTES);
    return b.create(rows.slice().order(ByteOrder.nativeOrder()), new Shape(count, d), DataType.FLOAT32);
  }

  /** Products of one block of points with the centres, and each point's label and bounds from them; k ≥ 2. */
  private void block(int[] ids, int start, int count, int[] labels, double[] upper, float[] lower) {
    float[] products;
    try (NDManager b = manager.newSubManager()) {
      NDArray x = rows(b, ids, start, count);
      x.matMul(centroidsT).toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(productBuffer, 0, count * k);
      products = productBuffer;
    }
    // Rows are independent and write their own entries: resolve them in parallel, fixed chunks.
    float[] p = products;
    int chunks = (count + RESOLVE_ROWS - 1) / RESOLVE_ROWS;
    java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
      Scratch own = new Scratch(groups, k);
      for (int r = c * RESOLVE_ROWS, end = Math.min(count, r + RESOLVE_ROWS); r < end; r++) {
        int i = ids == null ? start + r : ids[r];
        resolve(i, p, r * k, labels, upper, lower, own);
      }
    });
  }

  /** Per-thread work space of {@link #resolve} and {@link #exact}. */
  private static final class Scratch {
    final double[] groupMin;
    final double[] groupSecond;
    final int[] groupArg;
    final double[] distances;
    /** One row of ‖c‖² − 2 x·c in float, and its least two values. */
    final float[] f;
    final float[] two = new float[2];

    Scratch(int groups, int k) {
      f = new float[k];
      groupMin = new double[groups];
      groupSecond = new double[groups];
      groupArg = new int[groups];
      distances = new double[k];
    }
  }

  /**
   * Picks the nearest centre of point i from its row of products x·c (centres in group order).
   * With one group per centre (Elkan's bounds) a branch-free second pass writes all k bounds.
   */
  private void resolve(int i, float[] products, int offset, int[] labels, double[] upper, float[] lower, Scratch sc) {
    if (perCentre) {
      resolvePerCentre(i, products, offset, labels, upper, lower, sc);
      return;
    }
    double[] groupMin = sc.groupMin;
    double[] groupSecond = sc.groupSecond;
    int[] groupArg = sc.groupArg;
    double xn = pointNorms[i];
    double xx = xn * xn;
    // |computed − exact| of ‖c‖² − 2 x·c, plus a relative allowance for the double arithmetic.
    double err = productError(xn, maxCentroidNorm);
    int bestGroup = 0;
    for (int g = 0; g < groups; g++) {
      double min = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      int arg = -1;
      for (int q = groupStart[g], end = groupStart[g + 1]; q < end; q++) {
        // Branch-free (conditional moves): which centre is nearest is unpredictable.
        double f = centroidSquares[q] - 2.0 * products[offset + q];
        boolean below = f < min;
        double displaced = below ? min : f;
        arg = below ? q : arg;
        min = below ? f : min;
        second = displaced < second ? displaced : second;
      }
      groupMin[g] = min;
      groupSecond[g] = second;
      groupArg[g] = arg;
      if (min < groupMin[bestGroup]) bestGroup = g;
    }
    double best = groupMin[bestGroup];
    double second = groupSecond[bestGroup];
    for (int g = 0; g < groups; g++) if (g != bestGroup) second = Math.min(second, groupMin[g]);
    // A gap of more than twice the error decides the label whatever the rounding; exact ties
    // (equal products) never pass, so scan order cannot matter. Products that overflowed float
    // (infinite) never decide.
    if (second - best > 2 * err && Double.isFinite(best) && Double.isFinite(second)) {
      labels[i] = order[groupArg[bestGroup]];
      upper[i] = SquaredDistance.upper(best + err + xx);
      for (int g = 0, o = i * groups; g < groups; g++, o++) {
        double m = g == bestGroup ? groupSecond[g] : groupMin[g];
        lower[o] = SquaredDistance.floatDown(SquaredDistance.lower(m - err + xx));
      }
      return;
    }
    exact(i, labels, upper, lower, sc);
  }

  /**
   * Bound on |computed − exact| of ‖b‖² − 2 a·b for vectors of norms {@code na} and {@code nb}:
   * the float32 product's error plus a relative allowance for the double arithmetic.
   */
  private double productError(double na, double nb) {
    return 2 * gamma * na * nb + SquaredDistance.MARGIN * (na + nb) * (na + nb);
  }

  /** {@link #resolve} when every centre is its own group and the centres are in index order. */
  private void resolvePerCentre(int i, float[] products, int offset, int[] labels, double[] upper, float[] lower, Scratch sc) {
    double xn = pointNorms[i];
    double xx = xn * xn;
    // ‖c‖² − 2 x·c in float (BoundedDistance.nearestTwo): on top of the products' error, at most
    // 3 roundings of values up to (‖x‖ + max ‖c‖)².
    double scale = xn + maxCentroidNorm;
    if (!(scale * scale < FLOAT_SAFE)) {
      exact(i, labels, upper, lower, sc); // values this large could overflow float sums
      return;
    }
    double err = productError(xn, maxCentroidNorm) + 3 * U * scale * scale;
    int arg = BoundedDistance.nearestTwo(products, offset, centroidSquaresF, k, sc.f, sc.two);
    double min = sc.two[0];
    double second = sc.two[1];
    if (!(second - min > 2 * err)) {
      exact(i, labels, upper, lower, sc);
      return;
    }
    labels[i] = arg;
    upper[i] = SquaredDistance.upper(min + err + xx);
    // All k bounds in float from the same differences; the last addition's rounding is covered too.
    float base = SquaredDistance.floatDown(xx - err - 2 * U * scale * scale);
    BoundedDistance.lowerBounds(sc.f, base, lower, i * k, k);
    lower[i * k + arg] = Float.POSITIVE_INFINITY;
  }

  /** Near tie: the reference distance to every centre; ties go to the lower index. */
  private void exact(int i, int[] labels, double[] upper, float[] lower, Scratch sc) {
    double[] exactScratch = sc.distances;
    double[] groupMin = sc.groupMin;
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
    if (manager != null) manager.close();
  }
}
