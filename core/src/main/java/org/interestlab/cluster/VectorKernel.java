package org.interestlab.cluster;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BoundedDistance}'s kernel on the Vector API: two accumulators of the widest float vectors
 * the CPU has, fused multiply-adds. Loaded by name only when the JVM has the
 * {@code jdk.incubator.vector} module, so that nothing else links against it.
 */
final class VectorKernel implements BoundedDistance.Kernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  @Override
  public int lanes() {
    return 2 * S.length();
  }

  /** The reference's four running sums, as the four lanes of one double vector. */
  private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
  private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

  @Override
  public double reference(float[] x, int xo, float[] c, int co, int d) {
    DoubleVector sums = DoubleVector.zero(D4);
    int t = 0;
    for (; t + 3 < d; t += 4) {
      DoubleVector a = (DoubleVector) FloatVector.fromArray(F4, x, xo + t).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector b = (DoubleVector) FloatVector.fromArray(F4, c, co + t).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector e = a.sub(b);
      sums = sums.add(e.mul(e));
    }
    double s0 = sums.lane(0);
    for (; t < d; t++) {
      double a = (double) x[xo + t] - c[co + t];
      s0 += a * a;
    }
    return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
  }

  @Override
  public void dotsPair(float[] x, int xo, int yo, float[] q, int m, int d, float[] out) {
    int lanes = S.length();
    int vectorEnd = d - d % lanes;
    int r = 0;
    // Three rows of q and two points per pass: each load of a row feeds two fused multiply-adds
    // (one load of x per multiply-add in dots), six accumulators in registers.
    for (; r + 2 < m; r += 3) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector b0 = FloatVector.zero(S);
      FloatVector b1 = FloatVector.zero(S);
      FloatVector b2 = FloatVector.zero(S);
      int q0 = r * d;
      for (int t = 0; t < vectorEnd; t += lanes) {
        FloatVector u = FloatVector.fromArray(S, x, xo + t);
        FloatVector v = FloatVector.fromArray(S, x, yo + t);
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
          sums[j] += x[xo + t] * q[q0 + j * d + t];
          sums[3 + j] += x[yo + t] * q[q0 + j * d + t];
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
        a = FloatVector.fromArray(S, x, xo + t).fma(c, a);
        b = FloatVector.fromArray(S, x, yo + t).fma(c, b);
      }
      float sa = a.reduceLanes(VectorOperators.ADD);
      float sb = b.reduceLanes(VectorOperators.ADD);
      for (int t = vectorEnd; t < d; t++) {
        sa += x[xo + t] * q[r * d + t];
        sb += x[yo + t] * q[r * d + t];
      }
      out[r] = sa;
      out[m + r] = sb;
    }
  }

  @Override
  public void dots(float[] x, int xo, float[] q, int m, int d, float[] out) {
    int lanes = S.length();
    int r = 0;
    // Four rows of q per pass over x: one load of x feeds four fused multiply-adds.
    for (; r + 3 < m; r += 4) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      int q0 = r * d;
      int t = 0;
      for (; t + lanes <= d; t += lanes) {
        FloatVector v = FloatVector.fromArray(S, x, xo + t);
        a0 = v.fma(FloatVector.fromArray(S, q, q0 + t), a0);
        a1 = v.fma(FloatVector.fromArray(S, q, q0 + d + t), a1);
        a2 = v.fma(FloatVector.fromArray(S, q, q0 + 2 * d + t), a2);
        a3 = v.fma(FloatVector.fromArray(S, q, q0 + 3 * d + t), a3);
      }
      float s0 = a0.reduceLanes(VectorOperators.ADD);
      float s1 = a1.reduceLanes(VectorOperators.ADD);
      float s2 = a2.reduceLanes(VectorOperators.ADD);
      float s3 = a3.reduceLanes(VectorOperators.ADD);
      for (; t < d; t++) {
        float v = x[xo + t];
        s0 += v * q[q0 + t];
        s1 += v * q[q0 + d + t];
        s2 += v * q[q0 + 2 * d + t];
        s3 += v * q[q0 + 3 * d + t];
      }
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
    }
    for (; r < m; r++) {
      FloatVector a = FloatVector.zero(S);
      int t = 0;
      for (; t + lanes <= d; t += lanes) a = FloatVector.fromArray(S, x, xo + t).fma(FloatVector.fromArray(S, q, r * d + t), a);
      float s = a.reduceLanes(VectorOperators.ADD);
      for (; t < d; t++) s += x[xo + t] * q[r * d + t];
      out[r] = s;
    }
  }

  @Override
  public int productWidth(int k) {
    return (k + S.length() - 1) / S.length() * S.length();
  }

  /**
   * Four rows at a time against four (then three) vectors of columns, 16 (12) accumulators: per
   * dimension, four loads of columns and four broadcasts feed sixteen fused multiply-adds, all in
   * registers. The leftover columns and rows take the same chains one vector or one row at a time.
   */
  @Override
  public void products(float[] x, int[] ids, int from, int count, int d, float[] columnsT, int width, float[] out) {
    int lanes = S.length();
    int r = 0;
    for (; r + 3 < count; r += 4) {
      int o0 = row(ids, from + r) * d;
      int o1 = row(ids, from + r + 1) * d;
      int o2 = row(ids, from + r + 2) * d;
      int o3 = row(ids, from + r + 3) * d;
      int v = 0;
      for (; v + 4 * lanes <= width; v += 4 * lanes) fourByFour(x, o0, o1, o2, o3, d, columnsT, width, v, out, r * width + v);
      if (v + 3 * lanes <= width) {
        fourByThree(x, o0, o1, o2, o3, d, columnsT, width, v, out, r * width + v);
        v += 3 * lanes;
      }
      for (; v < width; v += lanes) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int t = 0, c = v; t < d; t++, c += width) {
          FloatVector c0 = FloatVector.fromArray(S, columnsT, c);
          a0 = FloatVector.broadcast(S, x[o0 + t]).fma(c0, a0);
          a1 = FloatVector.broadcast(S, x[o1 + t]).fma(c0, a1);
          a2 = FloatVector.broadcast(S, x[o2 + t]).fma(c0, a2);
          a3 = FloatVector.broadcast(S, x[o3 + t]).fma(c0, a3);
        }
        int w = r * width + v;
        a0.intoArray(out, w);
        a1.intoArray(out, w + width);
        a2.intoArray(out, w + 2 * width);
        a3.intoArray(out, w + 3 * width);
      }
    }
    for (; r < count; r++) {
      int o = row(ids, from + r) * d;
      for (int v = 0; v < width; v += lanes) {
        FloatVector a = FloatVector.zero(S);
        for (int t = 0, c = v; t < d; t++, c += width) a = FloatVector.broadcast(S, x[o + t]).fma(FloatVector.fromArray(S, columnsT, c), a);
        a.intoArray(out, r * width + v);
      }
    }
  }

  private static int row(int[] ids, int r) {
    return ids == null ? r : ids[r];
  }

  /** Rows o0..o3 against the 4 vectors of columns from v, written at {@code out[w..]} (row stride width). */
  private static void fourByFour(float[] x, int o0, int o1, int o2, int o3, int d, float[] columnsT, int width, int v,
      float[] out, int w) {
    int lanes = S.length();
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S);
    FloatVector a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S);
    FloatVector a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S);
    FloatVector a23 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a32 = FloatVector.zero(S);
    FloatVector a33 = FloatVector.zero(S);
    for (int t = 0, c = v; t < d; t++, c += width) {
      FloatVector c0 = FloatVector.fromArray(S, columnsT, c);
      FloatVector c1 = FloatVector.fromArray(S, columnsT, c + lanes);
      FloatVector c2 = FloatVector.fromArray(S, columnsT, c + 2 * lanes);
      FloatVector c3 = FloatVector.fromArray(S, columnsT, c + 3 * lanes);
      FloatVector b = FloatVector.broadcast(S, x[o0 + t]);
      a00 = b.fma(c0, a00);
      a01 = b.fma(c1, a01);
      a02 = b.fma(c2, a02);
      a03 = b.fma(c3, a03);
      b = FloatVector.broadcast(S, x[o1 + t]);
      a10 = b.fma(c0, a10);
      a11 = b.fma(c1, a11);
      a12 = b.fma(c2, a12);
      a13 = b.fma(c3, a13);
      b = FloatVector.broadcast(S, x[o2 + t]);
      a20 = b.fma(c0, a20);
      a21 = b.fma(c1, a21);
      a22 = b.fma(c2, a22);
      a23 = b.fma(c3, a23);
      b = FloatVector.broadcast(S, x[o3 + t]);
      a30 = b.fma(c0, a30);
      a31 = b.fma(c1, a31);
      a32 = b.fma(c2, a32);
      a33 = b.fma(c3, a33);
    }
    a00.intoArray(out, w);
    a01.intoArray(out, w + lanes);
    a02.intoArray(out, w + 2 * lanes);
    a03.intoArray(out, w + 3 * lanes);
    w += width;
    a10.intoArray(out, w);
    a11.intoArray(out, w + lanes);
    a12.intoArray(out, w + 2 * lanes);
    a13.intoArray(out, w + 3 * lanes);
    w += width;
    a20.intoArray(out, w);
    a21.intoArray(out, w + lanes);
    a22.intoArray(out, w + 2 * lanes);
    a23.intoArray(out, w + 3 * lanes);
    w += width;
    a30.intoArray(out, w);
    a31.intoArray(out, w + lanes);
    a32.intoArray(out, w + 2 * lanes);
    a33.intoArray(out, w + 3 * lanes);
  }

  /** Rows o0..o3 against the 3 vectors of columns from v, written at {@code out[w..]} (row stride width). */
  private static void fourByThree(float[] x, int o0, int o1, int o2, int o3, int d, float[] columnsT, int width, int v,
      float[] out, int w) {
    int lanes = S.length();
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a32 = FloatVector.zero(S);
    for (int t = 0, c = v; t < d; t++, c += width) {
      FloatVector c0 = FloatVector.fromArray(S, columnsT, c);
      FloatVector c1 = FloatVector.fromArray(S, columnsT, c + lanes);
      FloatVector c2 = FloatVector.fromArray(S, columnsT, c + 2 * lanes);
      FloatVector b = FloatVector.broadcast(S, x[o0 + t]);
      a00 = b.fma(c0, a00);
      a01 = b.fma(c1, a01);
      a02 = b.fma(c2, a02);
      b = FloatVector.broadcast(S, x[o1 + t]);
      a10 = b.fma(c0, a10);
      a11 = b.fma(c1, a11);
      a12 = b.fma(c2, a12);
      b = FloatVector.broadcast(S, x[o2 + t]);
      a20 = b.fma(c0, a20);
      a21 = b.fma(c1, a21);
      a22 = b.fma(c2, a22);
      b = FloatVector.broadcast(S, x[o3 + t]);
      a30 = b.fma(c0, a30);
      a31 = b.fma(c1, a31);
      a32 = b.fma(c2, a32);
    }
    a00.intoArray(out, w);
    a01.intoArray(out, w + lanes);
    a02.intoArray(out, w + 2 * lanes);
    w += width;
    a10.intoArray(out, w);
    a11.intoArray(out, w + lanes);
    a12.intoArray(out, w + 2 * lanes);
    w += width;
    a20.intoArray(out, w);
    a21.intoArray(out, w + lanes);
    a22.intoArray(out, w + 2 * lanes);
    w += width;
    a30.intoArray(out, w);
    a31.intoArray(out, w + lanes);
    a32.intoArray(out, w + 2 * lanes);
  }

  @Override
  public float squared(float[] x, int xo, float[] c, int co, int d) {
    int lanes = S.length();
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    int t = 0;
    for (; t + 2 * lanes <= d; t += 2 * lanes) {
      FloatVector e = FloatVector.fromArray(S, x, xo + t).sub(FloatVector.fromArray(S, c, co + t));
      FloatVector f = FloatVector.fromArray(S, x, xo + t + lanes).sub(FloatVector.fromArray(S, c, co + t + lanes));
      a0 = e.fma(e, a0);
      a1 = f.fma(f, a1);
    }
    float s = a0.add(a1).reduceLanes(VectorOperators.ADD);
    for (; t < d; t++) {
      float e = x[xo + t] - c[co + t];
      s += e * e;
    }
    return s;
  }

  @Override
  public int nearestTwo(float[] products, int offset, float[] squares, int k, float[] f, float[] two) {
    int lanes = S.length();
    FloatVector least = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    int q = 0;
    for (; q + lanes <= k; q += lanes) {
      FloatVector p = FloatVector.fromArray(S, products, offset + q);
      FloatVector v = FloatVector.fromArray(S, squares, q).sub(p.add(p));
      v.intoArray(f, q);
      least = least.min(v);
    }
    float min = least.reduceLanes(VectorOperators.MIN);
    for (; q < k; q++) {
      float v = squares[q] - 2 * products[offset + q];
      f[q] = v;
      min = v < min ? v : min;
    }
    int arg = 0;
    while (arg < k - 1 && f[arg] != min) arg++;
    // The least of the others: the nearest masked out for one pass.
    f[arg] = Float.POSITIVE_INFINITY;
    FloatVector rest = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    q = 0;
    for (; q + lanes <= k; q += lanes) rest = rest.min(FloatVector.fromArray(S, f, q));
    float second = rest.reduceLanes(VectorOperators.MIN);
    for (; q < k; q++) second = f[q] < second ? f[q] : second;
    f[arg] = min;
    two[0] = min;
    two[1] = second;
    return arg;
  }

  @Override
  public void lowerBounds(float[] f, float base, float[] out, int outOffset, int k) {
    int lanes = S.length();
    int q = 0;
    for (; q + lanes <= k; q += lanes) {
      FloatVector.fromArray(S, f, q).add(base).max(0f).sqrt().mul(BoundedDistance.SHRINK).intoArray(out, outOffset + q);
    }
    BoundedDistance.ScalarKernel.lowerBounds(f, base, out, outOffset, q, k);
  }

  @Override
  public float rowMin(float[] a, int offset, int k) {
    int lanes = S.length();
    FloatVector least = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    int q = 0;
    for (; q + lanes <= k; q += lanes) least = least.min(FloatVector.fromArray(S, a, offset + q));
    float m = least.reduceLanes(VectorOperators.MIN);
    for (; q < k; q++) m = a[offset + q] < m ? a[offset + q] : m;
    return m;
  }

  @Override
  public int candidates(float[] lower, int o, float[] moved, float[] half, int ho, float threshold, int k, int own,
      int limit, int[] out) {
    int lanes = S.length();
    int count = 0;
    int q = 0;
    for (; q + lanes <= k; q += lanes) {
      FloatVector l = FloatVector.fromArray(S, lower, o + q).sub(FloatVector.fromArray(S, moved, q));
      VectorMask<Float> near = l.compare(VectorOperators.LE, threshold)
          .and(FloatVector.fromArray(S, half, ho + q).compare(VectorOperators.LE, threshold));
      long bits = near.toLong();
      while (bits != 0) {
        int j = q + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (j == own) continue;
        if (count == limit) return -1;
        out[count++] = j;
      }
    }
    return BoundedDistance.ScalarKernel.candidates(lower, o, moved, half, ho, threshold, q, k, own, limit, out, count);
  }

  @Override
  public void moveBounds(float[] lower, int o, float[] moved, int k) {
    int lanes = S.length();
    int q = 0;
    for (; q + lanes <= k; q += lanes) {
      FloatVector v = FloatVector.fromArray(S, lower, o + q).sub(FloatVector.fromArray(S, moved, q));
      v.mul(BoundedDistance.BELOW).blend(0f, v.compare(VectorOperators.LT, Float.MIN_NORMAL)).intoArray(lower, o + q);
    }
    BoundedDistance.ScalarKernel.moveBounds(lower, o, moved, q, k);
  }

  @Override
  public float minDifference(float[] a, int ao, float[] b, int count) {
    int lanes = S.length();
    FloatVector least = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    int g = 0;
    for (; g + lanes <= count; g += lanes) {
      least = least.min(FloatVector.fromArray(S, a, ao + g).sub(FloatVector.fromArray(S, b, g)));
    }
    float m = least.reduceLanes(VectorOperators.MIN);
    for (; g < count; g++) {
      float v = a[ao + g] - b[g];
      m = v < m ? v : m;
    }
    return m;
  }
}
