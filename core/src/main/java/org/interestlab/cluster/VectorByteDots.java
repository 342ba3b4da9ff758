package org.interestlab.cluster;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteRows}' kernel on the Vector API: bytes widened to the widest float vectors, fused
 * multiply-adds. Loaded by name only when the JVM has the {@code jdk.incubator.vector} module.
 */
final class VectorByteDots implements ByteRows.Kernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  /** As many bytes as {@link #S} has lanes. */
  private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(S.length() * Byte.SIZE));

  @Override
  public void dotsPair(byte[] codes, int xo, int yo, float[] q, int m, int d, float[] out) {
    int lanes = S.length();
    int vectorEnd = d - d % lanes;
    int r = 0;
    // Three rows of q and two points per pass, as VectorKernel.dotsPair: each load of a row feeds
    // two fused multiply-adds, six accumulators in registers.
    for (; r + 2 < m; r += 3) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector b0 = FloatVector.zero(S);
      FloatVector b1 = FloatVector.zero(S);
      FloatVector b2 = FloatVector.zero(S);
      int q0 = r * d;
      for (int t = 0; t < vectorEnd; t += lanes) {
        FloatVector u = widen(codes, xo + t);
        FloatVector v = widen(codes, yo + t);
        FloatVector c = FloatVector.fromArray(S, q, q0 + t);
        a0 = u.fma(c, a0);
        b0 = v.fma(c, b0);
        c = FloatVector.fromArray(S, q, q0 + d + t);
        a1 = u.fma(c, a1);
        b1 = v.fma(c, b1);
        c = FloatVector.fromArray(S, q, q0 + 2 * d + t);
        a2 = u.fma(c, a2);
        b2 = v.fma(c, b2);
      }
      float[] sums = {a0.reduceLanes(VectorOperators.ADD), a1.reduceLanes(VectorOperators.ADD), a2.reduceLanes(VectorOperators.ADD),
          b0.reduceLanes(VectorOperators.ADD), b1.reduceLanes(VectorOperators.ADD), b2.reduceLanes(VectorOperators.ADD)};
      for (int t = vectorEnd; t < d; t++) {
        for (int j = 0; j < 3; j++) {
          sums[j] = Math.fma(codes[xo + t], q[q0 + j * d + t], sums[j]);
          sums[3 + j] = Math.fma(codes[yo + t], q[q0 + j * d + t], sums[3 + j]);
        }
      }
      for (int j = 0; j < 3; j++) {
        out[r + j] = sums[j];
        out[m + r + j] = sums[3 + j];
      }
    }
    for (; r < m; r++) {
      FloatVector a = FloatVector.zero(S);
      FloatVector b = FloatVector.zero(S);
      for (int t = 0; t < vectorEnd; t += lanes) {
        FloatVector c = FloatVector.fromArray(S, q, r * d + t);
        a = widen(codes, xo + t).fma(c, a);
        b = widen(codes, yo + t).fma(c, b);
      }
      float sa = a.reduceLanes(VectorOperators.ADD);
      float sb = b.reduceLanes(VectorOperators.ADD);
      for (int t = vectorEnd; t < d; t++) {
        sa = Math.fma(codes[xo + t], q[r * d + t], sa);
        sb = Math.fma(codes[yo + t], q[r * d + t], sb);
      }
      out[r] = sa;
      out[m + r] = sb;
    }
  }

  private static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(B, codes, offset).convertShape(VectorOperators.B2F, S, 0);
  }
}
