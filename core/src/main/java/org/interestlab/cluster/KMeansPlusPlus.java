package org.interestlab.cluster;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007), as scikit-learn's {@code _kmeans_plusplus}: the first centre uniformly,
 * then each next one the best (lowest potential) of {@code 2 + ⌊ln k⌋} candidates drawn in
 * proportion to the squared distance to the nearest centre so far. O(n d k log k).
 */
final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /** k centres (k × d, row-major) chosen among the {@code n} rows of {@code data}. */
  static float[] seed(float[] data, int n, int d, int k, SplittableRandom rng) {
    float[] centres = new float[k * d];
    int trials = 2 + (int) Math.log(k);
    int first = rng.nextInt(n);
    System.arraycopy(data, first * d, centres, 0, d);
    double[] closest = new double[n];
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = sqDist(data, i, first, d);
      potential += closest[i];
    }
    double[] candidate = new double[n];
    double[] best = new double[n];
    for (int c = 1; c < k; c++) {
      int bestIndex = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int cand = sample(closest, potential, rng);
        double pot = 0;
        for (int i = 0; i < n; i++) {
          candidate[i] = Math.min(closest[i], sqDist(data, i, cand, d));
          pot += candidate[i];
        }
        if (pot < bestPotential) {
          bestPotential = pot;
          bestIndex = cand;
          System.arraycopy(candidate, 0, best, 0, n);
        }
      }
      System.arraycopy(data, bestIndex * d, centres, c * d, d);
      System.arraycopy(best, 0, closest, 0, n);
      potential = bestPotential;
    }
    return centres;
  }

  private static int sample(double[] weights, double total, SplittableRandom rng) {
    if (total <= 0) return rng.nextInt(weights.length); // every point sits on a centre
    double r = rng.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (acc > r) return i;
    }
    for (int i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  private static double sqDist(float[] data, int i, int j, int d) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = data[i * d + t] - data[j * d + t];
      s += diff * diff;
    }
    return s;
  }
}
