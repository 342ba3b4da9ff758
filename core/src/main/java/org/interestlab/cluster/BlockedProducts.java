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
 * The one blocked distance routine of the clusterers: float32 products {@code x·c} of blocks of
 * points with a set of columns (k-means: the centres; DBSCAN: all points), by matrix products on
 * DJL's PyTorch engine, with a proven bound on their rounding.
 *
 * <p>The exactness rule its users share ({@link CentroidSearch}, {@link Dbscan}): a float32 product
 * errs by at most {@code γ_d ‖x‖ ‖c‖} (any summation order, FMA or not; {@code γ_d = d u / (1 − d u)},
 * {@code u = 2⁻²⁴}), so a squared distance {@code ‖x‖² + ‖c‖² − 2 x·c} formed from it is within
 * {@link #productError} of the exact one. A decision (nearest centre, within a radius) that this
 * bound proves is the decision of the exact distance, and so of the reference {@link SquaredDistance}
 * (its own error is far below {@link SquaredDistance#MARGIN}); where the bound cannot decide, the
 * caller recomputes the reference distance. Results therefore depend neither on the engine's rounding
 * nor on the block size.
 *
 * <p>Memory: one block of at most {@link #BLOCK_VALUES} products, twice (native and a reused Java
 * array), the block's rows, and the columns on the engine. Rows are copied from the Java array block
 * by block, straight into the engine's memory when the engine lends it out (PyTorch on the CPU).
 *
 * <pre>{@code
 * try (BlockedProducts p = new BlockedProducts(d, k, n, device)) {
 *   p.setColumns(centres, k);
 *   float[] xc = p.products(data, null, 0, Math.min(n, p.blockRows()));   // rows × k, row-major
 * }
 * }</pre>
 */
final class BlockedProducts implements AutoCloseable {
  /** Products held at once (4 Mi floats = 16 MB, twice: native and Java). */
  static final int BLOCK_VALUES = 1 << 22;
  static final int MAX_BLOCK_ROWS = 8192;
  /** Unit roundoff of float32. */
  static final double U = 0x1p-24;

  private final int d;
  private final int maxColumns;
  private final int blockRows;
  private final NDManager manager;
  /**
   * Where a block's rows are written: straight into {@link #rowTensor}'s memory when the engine
   * lends it out, else into a direct buffer that each block copies in.
   */
  private final FloatBuffer rowFloats;
  private final NDArray rowTensor;
  private final ByteBuffer rowBuffer;
  /** One block of products, copied out of the engine (reused: no large allocation per block). */
  private final float[] productBuffer;
  private final double gamma;

  private int columns;
  private NDManager columnScope;
  private NDArray columnRows;
  private NDArray columnsT;

  /**
   * @param d width of the points and columns
   * @param maxColumns the most columns {@link #setColumns} will be given
   * @param maxRows the most rows one call will ask for (bounds the block)
   */
  BlockedProducts(int d, int maxColumns, int maxRows, Device device) {
    this.d = d;
    this.maxColumns = maxColumns;
    // Rows per block: bounded by the products held and by the rows' own size (int buffer sizes).
    this.blockRows = Math.max(1, Math.min(Math.min(maxRows, MAX_BLOCK_ROWS), Math.min(BLOCK_VALUES / maxColumns, BLOCK_VALUES / d)));
    this.gamma = gamma(d);
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
    this.productBuffer = new float[blockRows * maxColumns];
  }

  /** {@code γ_d} with a 1.01 slack for the conversion of the products to double and the final subtraction. */
  static double gamma(int d) {
    double du = (double) d * U;
    return 1.01 * du / (1 - du);
  }

  /** Rows per block: the most rows {@link #products} takes in one call. */
  int blockRows() {
    return blockRows;
  }

  /** The columns (m × d, row-major, not kept) that the following products use; replaces the previous ones. */
  void setColumns(float[] rows, int m) {
    if (m > maxColumns) throw new IllegalArgumentException(m + " columns, at most " + maxColumns);
    if (columnScope != null) columnScope.close();
    columns = m;
    columnScope = manager.newSubManager();
    columnRows = columnScope.create(rows, new Shape(m, d));
    columnsT = columnRows.transpose().duplicate();
  }

  /**
   * Products of the rows {@code ids[0..count)} of {@code data} (or, with {@code ids} null, rows
   * {@code start..start+count)}) with every column: {@code count × m} values, row-major, in a buffer
   * that the next call overwrites. {@code count ≤} {@link #blockRows()}.
   */
  float[] products(float[] data, int[] ids, int start, int count) {
    try (NDManager b = manager.newSubManager()) {
      NDArray x = rows(b, data, ids, start, count);
      x.matMul(columnsT).toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(productBuffer, 0, count * columns);
    }
    return productBuffer;
  }

  /** Products of columns {@code start..start+count)} with every column: {@code count × m} values, row-major (a new array). */
  float[] columnProducts(int start, int count) {
    try (NDManager b = manager.newSubManager()) {
      NDArray block = columnRows.get(start + ":" + (start + count));
      block.attach(b);
      return block.matMul(columnsT).toFloatArray();
    }
  }

  /**
   * Bound on |computed − exact| of {@code ‖b‖² − 2 a·b} (and of {@code ‖a‖² + ‖b‖² − 2 a·b}) for
   * vectors of norms {@code na} and {@code nb}: the float32 product's error plus a relative allowance
   * ({@link SquaredDistance#MARGIN}) for the double arithmetic and the reference's own rounding.
   */
  double productError(double na, double nb) {
    return productError(gamma, na, nb);
  }

  /** {@link #productError} for products within {@code gamma ‖a‖ ‖b‖} of the exact ones (any float32 products, {@link #gamma}). */
  static double productError(double gamma, double na, double nb) {
    return 2 * gamma * na * nb + SquaredDistance.MARGIN * (na + nb) * (na + nb);
  }

  /** One block of points as an engine array: written into the engine's rows, or copied in from the row buffer. */
  private NDArray rows(NDManager b, float[] data, int[] ids, int start, int count) {
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

  @Override
  public void close() {
    manager.close();
  }
}
