package org.interestlab.recommend;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Weights of a linear blend chosen by coordinate ascent on a validation score: the first component's weight is
 * fixed at 1 (a ranking does not change when every weight is scaled, so one weight is free), every other starts
 * at 0 — the first component alone — and, in turn, each is set to the grid value that scores best with the
 * others held; passes repeat until one changes nothing (at most {@link #MAX_PASSES}). A weight moves only on a
 * strict improvement (ties keep the current weight; among new values the first in grid order, the smaller),
 * so the search is deterministic. This is the greedy coordinate search used to fit blend weights of a recommender ensemble on
 * held-out data (e.g. Jahrer, Töscher and Legenstein, "Combining predictions for accurate recommender systems",
 * KDD 2010, who fit blends on a probe set), on a grid because the metric (NDCG) is a step function of the weights.
 *
 * <p>Cost: at most {@code MAX_PASSES · (n − 1) · |grid|} evaluations of the score.
 *
 * <pre>{@code
 * double[] w = BlendWeightSearch.search(3, w -> validationNdcg(w));   // e.g. {1, 0.5, 0}
 * }</pre>
 */
public final class BlendWeightSearch {
  /** The values each weight but the first may take, written before any data was looked at: 0 (leave out) to 10 (dominate). */
  public static final double[] GRID = {0, 0.1, 0.25, 0.5, 1, 2, 4, 10};
  /** Passes over the weights at most (each pass tries every grid value of every free weight). */
  public static final int MAX_PASSES = 5;

  private BlendWeightSearch() {}

  /** The weights (first = 1) with the best score found, for {@code n ≥ 1} components. */
  public static double[] search(int n, ToDoubleFunction<double[]> score) {
    double[] w = new double[n];
    w[0] = 1;
    double best = score.applyAsDouble(w.clone());
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean moved = false;
      for (int j = 1; j < n; j++) {
        double keep = w[j];
        double bestValue = keep;
        for (double g : GRID) {
          if (g == keep) continue;
          double[] trial = w.clone();
          trial[j] = g;
          double s = score.applyAsDouble(trial);
          if (s > best) {
            best = s;
            bestValue = g;
          }
        }
        if (bestValue != keep) {
          w[j] = bestValue;
          moved = true;
        }
      }
      if (!moved) break;
    }
    return Arrays.copyOf(w, n);
  }
}
