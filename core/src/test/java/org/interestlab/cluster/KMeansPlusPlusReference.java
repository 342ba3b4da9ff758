package org.interestlab.cluster;

import java.util.SplittableRandom;

/**
 * The k-means++ seeding as it was before {@link KMeansPlusPlus} pruned with the triangle
 * inequality: every candidate's distance to every point, in blocks of points. Kept beside the tests
 * as the reference that the pruned seeding must reproduce centre for centre.
 */
final class KMeansPlusPlusReference {
  private KMeansPlusPlusReference() {}

  /** k centres (k × d, row-major) chosen among the {@code n} rows of {@code data}. */
  static float[] seed(float[] data, int n, int d, int k, SplittableRandom rng) {
    float[] centres = new float[k * d];
    int trials = 2 + (int) Math.log(k);
    int first = rng.nextInt(n);
    System.arraycopy(data, first * d, centres, 0, d);
    double[] closest = new double[n];
    double potential = distancesTo(data, n, d, first, null, closest);
    double[] candidateDist = new double[n];
    double[] bestDist = new double[n];
    for (int c = 1; c < k; c++) {
      int bestCandidate = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int cand = sample(closest, potential, rng);
        double pot = distancesTo(data, n, d, cand, closest, candidateDist);
        if (pot < bestPotential) {
          bestPotential = pot;
          bestCandidate = cand;
          System.arraycopy(candidateDist, 0, bestDist, 0, n);
        }
      }
      System.arraycopy(data, bestCandidate * d, centres, c * d, d);
      double[] swap = closest;
      closest = bestDist;
      bestDist = swap;
      potential = bestPotential;
    }
    return centres;
  }

  /**
   * {@code out[i] = min(closest[i], ‖x_i − x_centre‖²)} (no min when {@code closest} is null);
   * returns the sum of {@code out}.
   */
  private static double distancesTo(float[] data, int n, int d, int centre, double[] closest, double[] out) {
    int tasks = (n + CentroidUpdate.POINTS_PER_TASK - 1) / CentroidUpdate.POINTS_PER_TASK;
    double[] partial = new double[tasks];
    java.util.stream.IntStream.range(0, tasks).parallel().forEach(task -> {
      double s = 0;
      for (int i = task * CentroidUpdate.POINTS_PER_TASK, end = Math.min(n, i + CentroidUpdate.POINTS_PER_TASK); i < end; i++) {
        double dist = SquaredDistance.between(data, i * d, data, centre * d, d);
        out[i] = closest == null ? dist : Math.min(closest[i], dist);
        s += out[i];
      }
      partial[task] = s;
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }

  private static int sample(double[] weights, double total, SplittableRandom rng) {
    if (total <= 0) return rng.nextInt(weights.length); // all points coincide with centres
    double r = rng.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (acc > r) return i;
    }
    for (int i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }
}
