package org.interestlab.compute;

import java.util.Arrays;
import java.util.List;

/**
 * An n × d matrix of float32 vectors, row-major in one array (the layout of a C-order {@code .npy}
 * file and of a DJL NDArray), so it moves to native code without copying row by row.
 *
 * <p>The array is not copied by the constructor: treat an {@code Embeddings} as immutable once
 * made. {@link #of(float[][])} copies.
 */
public record Embeddings(int rows, int dim, float[] data) {
  public Embeddings {
    if (rows < 0 || dim < 0) throw new IllegalArgumentException("negative shape " + rows + "×" + dim);
    if (data.length != (long) rows * dim) {
      throw new IllegalArgumentException("data has " + data.length + " values, shape is " + rows + "×" + dim);
    }
  }

  public static Embeddings of(float[][] vectors) {
    int n = vectors.length;
    int d = n == 0 ? 0 : vectors[0].length;
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) {
      if (vectors[i].length != d) throw new IllegalArgumentException("row " + i + " has " + vectors[i].length + " values, expected " + d);
      System.arraycopy(vectors[i], 0, out, i * d, d);
    }
    return new Embeddings(n, d, out);
  }

  public static Embeddings zeros(int rows, int dim) {
    return new Embeddings(rows, dim, new float[rows * dim]);
  }

  public float get(int row, int col) {
    return data[row * dim + col];
  }

  /**
   * The first row holding NaN or ±infinity, or −1 when every value is finite. Such values are never
   * used silently: from a user's file they are an error naming the row, from a cache a miss, from an
   * encoder a bug. O(rows · dim).
   */
  public int firstNonFiniteRow() {
    for (int i = 0; i < data.length; i++) if (!Float.isFinite(data[i])) return i / dim;
    return -1;
  }

  /** A copy of one row. */
  public float[] row(int i) {
    return Arrays.copyOfRange(data, i * dim, (i + 1) * dim);
  }

  /** The rows at the given indices, in that order. */
  public Embeddings select(int[] indices) {
    float[] out = new float[indices.length * dim];
    for (int r = 0; r < indices.length; r++) System.arraycopy(data, indices[r] * dim, out, r * dim, dim);
    return new Embeddings(indices.length, dim, out);
  }

  /** Rows stacked in order; all must have the same dimension. */
  public static Embeddings concat(List<Embeddings> parts) {
    if (parts.isEmpty()) return zeros(0, 0);
    int d = parts.get(0).dim();
    int n = 0;
    for (Embeddings p : parts) {
      if (p.dim() != d) throw new IllegalArgumentException("dimension mismatch " + p.dim() + " vs " + d);
      n += p.rows();
    }
    float[] out = new float[n * d];
    int off = 0;
    for (Embeddings p : parts) {
      System.arraycopy(p.data(), 0, out, off, p.data().length);
      off += p.data().length;
    }
    return new Embeddings(n, d, out);
  }

  /** Rows as double arrays (for metrics computed in double precision). */
  public double[][] toDoubleRows() {
    double[][] out = new double[rows][dim];
    for (int i = 0; i < rows; i++) for (int j = 0; j < dim; j++) out[i][j] = data[i * dim + j];
    return out;
  }

  /** A copy with every non-zero row scaled to unit L2 norm (zero rows stay zero). */
  public Embeddings l2Normalized() {
    float[] out = data.clone();
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < dim; j++) s += (double) out[i * dim + j] * out[i * dim + j];
      if (s > 0) {
        float inv = (float) (1.0 / Math.sqrt(s));
        for (int j = 0; j < dim; j++) out[i * dim + j] *= inv;
      }
    }
    return new Embeddings(rows, dim, out);
  }

  /** True when any value is NaN or infinite. */
  public boolean hasNonFinite() {
    // Large inputs (a million vectors) are checked in parallel slices.
    int slice = 1 << 20;
    int slices = (data.length + slice - 1) / slice;
    return java.util.stream.IntStream.range(0, slices).parallel().anyMatch(s -> {
      for (int i = s * slice, end = Math.min(data.length, i + slice); i < end; i++) if (!Float.isFinite(data[i])) return true;
      return false;
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embeddings e && e.rows == rows && e.dim == dim && Arrays.equals(e.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + dim) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Embeddings[" + rows + "×" + dim + "]";
  }
}
