package org.interestlab.cluster;

import org.interestlab.compute.Device;

/**
 * Nearest and second-nearest centroid of chosen points, from blocked float32 matrix products, with
 * labels made exact. On the CPU with the Vector API the products are computed in Java, 256 rows at a
 * time against all centres and resolved while they are in cache, both cores over fixed tasks of
 * rows (as scikit-learn's chunks: no copy of the points, no engine); otherwise, and on a GPU, by
 * DJL's PyTorch engine ({@link BlockedProducts}).
 *
 * <p>{@link BlockedProducts#productError} bounds the rounding of {@code ‖c‖² − 2 x·c}. When the
 * best candidate beats the runner-up by more than twice that bound, it is the exact nearest centre
 * whatever the engine's rounding; otherwise (a near tie, rare) the point's distances to every
 * centre that the products leave within twice the bound of the best (usually two) get
 * {@link SquaredDistance#between}. Labels therefore do not depend on
 * the engine, the block size or which other points share a block, so Lloyd over all points and a
 * bounded pass over a few of them give the same answer. k-means ({@link LloydIterations}) and
 * mini-batch k-means search through this class.
 *
 * <p>Memory: Java products hold {@link #CHUNK_ROWS} rows of products per task and the transposed
 * centres; the engine holds one block of at most {@link #BLOCK_VALUES} distances and its rows, which
 * are copied block by block from the Java array.
 */
final class CentroidSearch implements AutoCloseable {
  /** Distances held at once (4 Mi floats = 16 MB, twice: native and Java). */
  static final int BLOCK_VALUES = BlockedProducts.BLOCK_VALUES;
  /** Rows per parallel task when resolving a block of products. */
  private static final int RESOLVE_ROWS = 1024;
  /** Java products: rows per product call (256 × 112 floats of products stay in the core's cache). */
  private static final int CHUNK_ROWS = 256;
  /** Java products: rows per parallel task (fixed, so the work split does not depend on the cores). */
  private static final int TASK_ROWS = 2048;
  private static final double U = BlockedProducts.U;
  /** Below this (‖x‖ + max ‖c‖)², sums of squares and products stay far from float's overflow. */
  private static final double FLOAT_SAFE = 1e30;

  private final float[] data;
  private final int d;
  private final int k;
  private final double[] pointNorms;
  /** The engine's products; null when every distance is computed in Java. */
  private final BlockedProducts engine;
  /** Near ties aside, labels come from float32 products (false: every distance by the reference). */
  private final boolean useEngine;
  /** The products by {@link BoundedDistance.Kernel#products} in Java rather than on the engine. */
  private final boolean javaProducts;
  private final BoundedDistance.Kernel kernel = BoundedDistance.kernel();
  /** Row length of the Java products: k rounded up to the kernel's vector. */
  private final int width;
  private final double gamma;
  private final int[] groupOf;
  private final int groups;
  /** Work space of the calling thread (searches without the engine). */
  private final Scratch scratch;
  /** Centre indices sorted by group (stable), and where each group starts in that order. */
  private final int[] order;
  private final int[] groupStart;
  /** Every centre its own group, in index order (Elkan's bounds): {@link #resolvePerCentre}. */
  private final boolean perCentre;

  private float[] centroids;
  private double[] centroidSquares;
  /** {@link #centroidSquares} rounded to float, for the float bounds of {@link #resolvePerCentre}. */
  private float[] centroidSquaresF;
  private double maxCentroidNorm;
  /** Java products: the centres in group order (k × d) and transposed (d × {@link #width}, zero padded). */
  private float[] permuted;
  private float[] columnsT;

  /**
   * @param data the points, row-major n × d (not copied, not modified)
   * @param pointNorms ‖x_i‖ in double for every point
   * @param groupOf the group of each centre (for the per-group lower bounds)
   * @param useEngine false: every distance by {@link SquaredDistance} in Java, for problems too
   *     small to pay for the products (same labels either way)
   * @param device where the products run: a GPU gets the engine; the CPU gets the Java products
   *     when the JVM has the Vector API, else the engine
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
    this.javaProducts = this.useEngine && BoundedDistance.vectorized() && (device == null || !device.isGpu());
    this.width = kernel.productWidth(k);
    this.gamma = BlockedProducts.gamma(d);
    this.engine = this.useEngine && !javaProducts ? new BlockedProducts(d, k, n, device) : null;
  }

  /** {@link BlockedProducts#productError} of this search's products. */
  private double productError(double na, double nb) {
    return BlockedProducts.productError(gamma, na, nb);
  }

  /**
   * Sets the centres (k × d) that the following searches use. They go to the engine in group order
   * ({@link #order}), so that each row of products scans one group after another.
   */
  void setCentroids(float[] centroids) {
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
      permuted = new float[k * d];
      for (int q = 0; q < k; q++) System.arraycopy(centroids, order[q] * d, permuted, q * d, d);
      if (javaProducts) {
        columnsT = new float[d * width];
        for (int q = 0; q < k; q++) for (int t = 0; t < d; t++) columnsT[t * width + q] = permuted[q * d + t];
      } else {
        engine.setColumns(permuted, k);
      }
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
      float[] centreProducts;
      int stride = javaProducts ? width : k;
      if (javaProducts) {
        centreProducts = new float[count * width];
        kernel.products(permuted, null, s, count, d, columnsT, width, centreProducts);
      } else {
        centreProducts = engine.columnProducts(s, count);
      }
      for (int r = 0; r < count; r++) {
        int a = s + r;
        double na = norms[a];
        double min = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
          if (q == a) continue;
          double nb = norms[q];
          double err = productError(na, nb);
          min = Math.min(min, centroidSquares[a] + centroidSquares[q] - 2.0 * centreProducts[r * stride + q] - err);
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
    if (javaProducts) {
      javaBlocks(null, start, end - start, labels, upper, lower);
      return;
    }
    int blockRows = engine.blockRows();
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
    if (javaProducts) {
      javaBlocks(rows, 0, count, labels, upper, lower);
      return;
    }
    int blockRows = engine.blockRows();
    for (int s = 0; s < count; s += blockRows) {
      int c = Math.min(blockRows, count - s);
      int[] ids = new int[c];
      System.arraycopy(rows, s, ids, 0, c);
      block(ids, -1, c, labels, upper, lower);
    }
  }

  /**
   * Java products of the points {@code ids[from..from+count)} (or, with {@code ids} null, points
   * {@code from..from+count)}) with the centres, {@link #CHUNK_ROWS} at a time, each chunk resolved
   * while in cache; tasks of {@link #TASK_ROWS} rows run in parallel and write their own points only.
   */
  private void javaBlocks(int[] ids, int from, int count, int[] labels, double[] upper, float[] lower) {
    int tasks = (count + TASK_ROWS - 1) / TASK_ROWS;
    java.util.stream.IntStream.range(0, tasks).parallel().forEach(task -> {
      Scratch own = new Scratch(groups, k);
      float[] p = new float[Math.min(CHUNK_ROWS, count) * width];
      for (int c = task * TASK_ROWS, end = Math.min(count, c + TASK_ROWS); c < end; c += CHUNK_ROWS) {
        int rows = Math.min(CHUNK_ROWS, end - c);
        kernel.products(data, ids, from + c, rows, d, columnsT, width, p);
        for (int r = 0; r < rows; r++) resolve(ids == null ? from + c + r : ids[from + c + r], p, r * width, labels, upper, lower, own);
      }
    });
  }

  /** Products of one block of points with the centres, and each point's label and bounds from them; k ≥ 2. */
  private void block(int[] ids, int start, int count, int[] labels, double[] upper, float[] lower) {
    float[] p = engine.products(data, ids, start, count);
    // Rows are independent and write their own entries: resolve them in parallel, fixed chunks.
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
   * With one group per centre (Elkan's bounds) a branch-free second pass writes all k bounds; with
   * one group (plain Lloyd, Hamerly's bounds) the row is scanned in float on the vector kernel.
   */
  private void resolve(int i, float[] products, int offset, int[] labels, double[] upper, float[] lower, Scratch sc) {
    if (perCentre) {
      resolvePerCentre(i, products, offset, labels, upper, lower, sc);
      return;
    }
    if (groups == 1) {
      resolveOneGroup(i, products, offset, labels, upper, lower, sc);
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
    if (!Double.isFinite(best)) {
      exact(i, labels, upper, lower, sc);
      return;
    }
    double[] f = sc.distances;
    for (int q = 0; q < k; q++) f[q] = centroidSquares[q] - 2.0 * products[offset + q];
    nearTie(i, f, best, err, xx, labels, upper, lower, sc);
  }

  /**
   * {@link #resolve} with one group of centres (in index order): the row of {@code ‖c‖² − 2 x·c}
   * and its two least values in float ({@link BoundedDistance#nearestTwo}); on top of the products'
   * error, at most 3 roundings of values up to (‖x‖ + max ‖c‖)².
   */
  private void resolveOneGroup(int i, float[] products, int offset, int[] labels, double[] upper, float[] lower,
      Scratch sc) {
    double xn = pointNorms[i];
    double xx = xn * xn;
    double scale = xn + maxCentroidNorm;
    if (!(scale * scale < FLOAT_SAFE)) {
      exact(i, labels, upper, lower, sc); // values this large could overflow float sums
      return;
    }
    double err = productError(xn, maxCentroidNorm) + 3 * U * scale * scale;
    int arg = BoundedDistance.nearestTwo(products, offset, centroidSquaresF, k, sc.f, sc.two);
    double min = sc.two[0];
    double second = sc.two[1];
    if (second - min > 2 * err && Double.isFinite(min)) {
      labels[i] = order[arg];
      upper[i] = SquaredDistance.upper(min + err + xx);
      lower[i] = SquaredDistance.floatDown(SquaredDistance.lower(second - err + xx));
      return;
    }
    if (!Double.isFinite(min)) {
      exact(i, labels, upper, lower, sc);
      return;
    }
    double[] f = sc.distances;
    for (int q = 0; q < k; q++) f[q] = sc.f[q];
    nearTie(i, f, min, err, xx, labels, upper, lower, sc);
  }

  /**
   * A near tie of {@link #resolve}: only the centres whose {@code f = ‖c‖² − 2 x·c} comes within
   * twice the error of the least f can be nearest, so only they (usually two) get the reference
   * distance; every other centre is provably farther, exactly as when the products decide. The
   * label is the reference arg-min over these candidates, ties to the lower index, which is the
   * arg-min over all centres. A group's lower bound takes the reference distance of a candidate
   * and {@code f − err + ‖x‖²} of the others. Cost: one reference distance per candidate, not k.
   *
   * @param f the row of f in group order (overwritten)
   */
  private void nearTie(int i, double[] f, double best, double err, double xx, int[] labels, double[] upper, float[] lower,
      Scratch sc) {
    int bestQ = -1;
    double bestRef = Double.POSITIVE_INFINITY;
    for (int q = 0; q < k; q++) {
      if (!(f[q] - best > 2 * err)) {
        double r = SquaredDistance.between(data, i * d, centroids, order[q] * d, d);
        f[q] = r;
        if (bestQ < 0 || r < bestRef || (r == bestRef && order[q] < order[bestQ])) {
          bestRef = r;
          bestQ = q;
        }
      } else {
        f[q] = f[q] - err + xx;
      }
    }
    labels[i] = order[bestQ];
    upper[i] = SquaredDistance.upper(bestRef);
    double[] groupMin = sc.groupMin;
    java.util.Arrays.fill(groupMin, Double.POSITIVE_INFINITY);
    for (int q = 0; q < k; q++) {
      int g = groupOf[order[q]];
      if (q != bestQ && f[q] < groupMin[g]) groupMin[g] = f[q];
    }
    for (int g = 0; g < groups; g++) lower[i * groups + g] = SquaredDistance.floatDown(SquaredDistance.lower(groupMin[g]));
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
    // All k bounds in float from the same differences; the last addition's rounding is covered too.
    float base = SquaredDistance.floatDown(xx - err - 2 * U * scale * scale);
    if (!(second - min > 2 * err)) {
      if (!Double.isFinite(min)) {
        exact(i, labels, upper, lower, sc);
        return;
      }
      nearTiePerCentre(i, min, err, base, labels, upper, lower, sc);
      return;
    }
    labels[i] = arg;
    upper[i] = SquaredDistance.upper(min + err + xx);
    BoundedDistance.lowerBounds(sc.f, base, lower, i * k, k);
    lower[i * k + arg] = Float.POSITIVE_INFINITY;
  }

  /**
   * {@link #nearTie} with one bound per centre: the float bounds of every centre, then the
   * candidates (within twice the error of the best) get their reference distance, which decides
   * the label and tightens their bounds.
   */
  private void nearTiePerCentre(int i, double min, double err, float base, int[] labels, double[] upper, float[] lower,
      Scratch sc) {
    float[] f = sc.f;
    int o = i * k;
    BoundedDistance.lowerBounds(f, base, lower, o, k);
    int best = -1;
    double bestRef = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      if (f[j] - min > 2 * err) continue;
      double r = SquaredDistance.between(data, i * d, centroids, j * d, d);
      lower[o + j] = Math.max(lower[o + j], SquaredDistance.floatDown(SquaredDistance.lower(r)));
      if (best < 0 || r < bestRef) {
        bestRef = r;
        best = j;
      }
    }
    labels[i] = best;
    upper[i] = SquaredDistance.upper(bestRef);
    lower[o + best] = Float.POSITIVE_INFINITY;
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
    if (engine != null) engine.close();
  }
}
