package org.interestlab.eval;

import org.interestlab.compute.Embeddings;

/**
 * The points of a metric, read one row at a time in double precision: {@code double[][]} rows as
 * they are, float32 {@link Embeddings} promoted (exactly) into one reused buffer, so a metric over
 * 200,000 × 384 embeddings reads them in place instead of copying 600 MB of doubles. The same
 * arithmetic on the same values: scores are bit for bit those of the {@code double[][]} copy.
 * One reader at a time (the buffer is shared).
 */
abstract class PointRows {
  abstract int count();

  /** Width of row 0 (every row of {@link Embeddings}; {@link PointChecks#checkPoints} checks the others). */
  abstract int dim();

  /** Row i; for embeddings a buffer that the next call overwrites. */
  abstract double[] row(int i);

  static PointRows of(double[][] points) {
    return new PointRows() {
      @Override
      int count() {
        return points.length;
      }

      @Override
      int dim() {
        return points.length == 0 ? 0 : points[0].length;
      }

      @Override
      double[] row(int i) {
        return points[i];
      }
    };
  }

  static PointRows of(Embeddings points) {
    float[] data = points.data();
    int d = points.dim();
    double[] buffer = new double[d];
    return new PointRows() {
      @Override
      int count() {
        return points.rows();
      }

      @Override
      int dim() {
        return d;
      }

      @Override
      double[] row(int i) {
        for (int j = 0; j < d; j++) buffer[j] = data[i * d + j];
        return buffer;
      }
    };
  }
}
