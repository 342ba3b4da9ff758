package org.interestlab.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction of m p-values for multiple comparisons (Holm, "A simple sequentially
 * rejective multiple test procedure", Scand. J. Statist. 6, 1979), controlling the family-wise
 * error rate: sort ascending, p₍ᵢ₎ ↦ max over j ≤ i of min(1, (m − j + 1) p₍ⱼ₎), reported in the
 * input order (as {@code statsmodels}' {@code multipletests(method='holm')}). Equal p-values keep
 * their input order. NaN entries stay NaN and do not count towards m. Cost: O(m log m).
 *
 * <pre>{@code
 * double[] adjusted = HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03});   // {0.03, 0.06, 0.06}
 * }</pre>
 */
public final class HolmCorrection {
  private HolmCorrection() {}

  public static double[] adjust(double[] p) {
    for (double v : p) if (!Double.isNaN(v) && (v < 0 || v > 1)) throw new IllegalArgumentException("not a p-value: " + v);
    Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      running = Math.max(running, Math.min(1.0, (m - rank) * p[order[rank]]));
      out[order[rank]] = running;
    }
    return out;
  }
}
