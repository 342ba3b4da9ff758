package org.interestlab.eval;

import java.util.stream.IntStream;
import org.interestlab.compute.Embeddings;

/**
 * Per-cluster sums over large float32 embeddings in parallel, for Davies–Bouldin and
 * Calinski–Harabasz: the rows are cut into fixed chunks of {@link #CHUNK_ROWS}, each chunk sums on
 * its own (on the common fork-join pool), and the chunks' partial sums are added in chunk order. The
 * result is therefore the same for any number of threads; it differs from the one sequential sum in
 * point order only by float64 rounding (about 1e-15 relative).
 *
 * <p>Used from {@link #MIN_VALUES} values on (a 200,000 × 384 file, not the 3,000 × 384 of the shipped
 * configs, whose published digits stay those of the sequential sum). O(n d) time, O(chunks · k · d)
 * memory for the centroid sums.
 */
final class ChunkedClusterSums {
  /** From this many values (n · d) on, the sums run in parallel chunks. */
  static final long MIN_VALUES = 1L << 24;
  /** Rows per chunk: fixed, so the order of the additions does not depend on the thread count. */
  static final int CHUNK_ROWS = 8192;

  /** A value of one row, given the row's start in the data array and the row's cluster code. */
  @FunctionalInterface
  interface RowValue {
    double of(float[] data, int offset, int code);
  }

  private ChunkedClusterSums() {}

  static boolean applies(Embeddings points) {
    return (long) points.rows() * points.dim() >= MIN_VALUES;
  }

  /** The per-cluster means (k × d). */
  static double[][] centroids(Embeddings points, PointChecks.Encoded enc) {
    int d = points.dim();
    int k = enc.numLabels();
    float[] data = points.data();
    int[] codes = enc.codes();
    double[][][] partial = new double[chunks(points)][][];
    IntStream.range(0, partial.length).parallel().forEach(c -> {
      double[][] sums = new double[k][d];
      int end = Math.min(points.rows(), (c + 1) * CHUNK_ROWS);
      for (int i = c * CHUNK_ROWS; i < end; i++) {
        double[] row = sums[codes[i]];
        int off = i * d;
        for (int j = 0; j < d; j++) row[j] += data[off + j];
      }
      partial[c] = sums;
    });
    double[][] out = partial[0];
    for (int c = 1; c < partial.length; c++) {
      for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) out[l][j] += partial[c][l][j];
    }
    for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) out[l][j] /= enc.sizes()[l];
    return out;
  }

  /** Σ over the rows of each cluster of {@code value}. */
  static double[] perCluster(Embeddings points, PointChecks.Encoded enc, RowValue value) {
    int d = points.dim();
    int k = enc.numLabels();
    float[] data = points.data();
    int[] codes = enc.codes();
    double[][] partial = new double[chunks(points)][];
    IntStream.range(0, partial.length).parallel().forEach(c -> {
      double[] sums = new double[k];
      int end = Math.min(points.rows(), (c + 1) * CHUNK_ROWS);
      for (int i = c * CHUNK_ROWS; i < end; i++) sums[codes[i]] += value.of(data, i * d, codes[i]);
      partial[c] = sums;
    });
    double[] out = partial[0];
    for (int c = 1; c < partial.length; c++) for (int l = 0; l < k; l++) out[l] += partial[c][l];
    return out;
  }

  /** {@code ‖x − c‖²} of the float32 row at {@code data[offset..offset + c.length)} and a centroid. */
  static double squaredDistance(float[] data, int offset, double[] c) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int d = c.length;
    int j = 0;
    // Four independent accumulators let the CPU overlap the additions.
    for (; j + 3 < d; j += 4) {
      double d0 = data[offset + j] - c[j], d1 = data[offset + j + 1] - c[j + 1];
      double d2 = data[offset + j + 2] - c[j + 2], d3 = data[offset + j + 3] - c[j + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < d; j++) {
      double t = data[offset + j] - c[j];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static int chunks(Embeddings points) {
    return (points.rows() + CHUNK_ROWS - 1) / CHUNK_ROWS;
  }
}
