package org.interestlab.cluster;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
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
  /** Four floats widened to four doubles. */
  private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
  private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
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

  /** Rows up to this width keep each lane's Σ b² below 2²⁴ (exact in float); wider ones are encoded in plain Java. */
  private static final int LONGEST_ENCODED = 1024;
  private static final ByteRows.Kernel SCALAR = new ByteRows.ScalarKernel();

  @Override
  public void encode(float[] x, int o, int d, float scale, byte[] codes, double[] sums) {
    if (d > LONGEST_ENCODED) {
      SCALAR.encode(x, o, d, scale, codes, sums);
      return;
    }
    int lanes = S.length();
    int vectorEnd = d - d % lanes;
    // |x / scale| ≤ 127, and a product with 1/scale rounded to nearest stays below 127.5.
    float inverse = scale == 0 ? 0 : 1 / scale;
    FloatVector half = FloatVector.broadcast(S, 0.5f);
    FloatVector minusScale = FloatVector.broadcast(S, -scale);
    // Each lane's Σ b² is at most (d / lanes) · 127² < 2²⁴: exact in float.
    FloatVector codeSquares = FloatVector.zero(S);
    float[] rests = new float[vectorEnd];
    for (int t = 0; t < vectorEnd; t += lanes) {
      FloatVector v = FloatVector.fromArray(S, x, o + t);
      FloatVector w = v.mul(inverse);
      FloatVector rounded = w.add(half.blend(half.neg(), w.lt(0)));
      ByteVector b = (ByteVector) rounded.convertShape(VectorOperators.F2B, B, 0);
      b.intoArray(codes, o + t);
      FloatVector back = (FloatVector) b.convertShape(VectorOperators.B2F, S, 0);
      codeSquares = back.fma(back, codeSquares);
      back.fma(minusScale, v).intoArray(rests, t);
    }
    // The squares in double, four lanes at a time (as the reference distance widens them).
    DoubleVector square = DoubleVector.zero(D4);
    DoubleVector rest = DoubleVector.zero(D4);
    for (int t = 0; t < vectorEnd; t += 4) {
      DoubleVector v = (DoubleVector) FloatVector.fromArray(F4, x, o + t).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector e = (DoubleVector) FloatVector.fromArray(F4, rests, t).convertShape(VectorOperators.F2D, D4, 0);
      square = v.fma(v, square);
      rest = e.fma(e, rest);
    }
    double sq = square.reduceLanes(VectorOperators.ADD);
    double codeSq = codeSquares.reduceLanes(VectorOperators.ADD);
    double re = rest.reduceLanes(VectorOperators.ADD);
    for (int t = vectorEnd; t < d; t++) {
      float v = x[o + t];
      float w = v * inverse;
      int b = (int) (w + (w >= 0 ? 0.5f : -0.5f));
      codes[o + t] = (byte) b;
      sq += (double) v * v;
      codeSq += b * b;
      double e = Math.fma(-scale, (float) b, v);
      re += e * e;
    }
    sums[0] = sq;
    sums[1] = codeSq;
    sums[2] = re;
  }

  private static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(B, codes, offset).convertShape(VectorOperators.B2F, S, 0);
  }
}
