package org.interestlab.profile;

/** Weighted means of L2-normalised vectors, accumulated in double: how review vectors are pooled. */
final class UnitMean {
  private UnitMean() {}

  /** Adds {@code weight ·} the unit vector of {@code src[from .. from+acc.length)}; a zero vector adds nothing. */
  static void addUnit(double[] acc, float[] src, int from, double weight) {
    double norm = 0;
    for (int j = 0; j < acc.length; j++) norm += (double) src[from + j] * src[from + j];
    if (norm == 0) return;
    double scale = weight / Math.sqrt(norm);
    for (int j = 0; j < acc.length; j++) acc[j] += scale * src[from + j];
  }

  /** Writes {@code acc} L2-normalised to {@code out[at ..]} (zeros when {@code acc} is zero). */
  static void writeUnit(double[] acc, float[] out, int at) {
    double norm = 0;
    for (double v : acc) norm += v * v;
    if (norm == 0) return;
    double inv = 1 / Math.sqrt(norm);
    for (int j = 0; j < acc.length; j++) out[at + j] = (float) (acc[j] * inv);
  }
}
