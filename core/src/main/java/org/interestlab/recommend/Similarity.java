package org.interestlab.recommend;

import org.interestlab.compute.Embeddings;

/** Dot products of every row with one query vector, accumulated in double. */
final class Similarity {
  private Similarity() {}

  /** {@code rows · query}, where {@code query} is {@code rows.dim()} values of {@code q} starting at {@code offset}. */
  static double[] dotAll(Embeddings rows, float[] q, int offset) {
    int d = rows.dim();
    float[] x = rows.data();
    double[] out = new double[rows.rows()];
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      int base = i * d;
      for (int j = 0; j < d; j++) s += (double) x[base + j] * q[offset + j];
      out[i] = s;
    }
    return out;
  }
}
