package org.interestlab.recommend;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A fitted matrix-factorisation model: user factors {@code W} ({@code users × f}), item factors
 * {@code H} ({@code items × f}) and optional item biases {@code b}; the score of item {@code i} for
 * user {@code u} is {@code b_i + w_u · h_i}. Factors are held row-major in flat arrays so one user's
 * scores stream through {@code H} once.
 *
 * <p>Cost: {@code O(items · f)} time per user; memory {@code (users + items) · f} doubles. The batch
 * form runs users in parallel, each row computed exactly as the single form does, so both agree bit
 * for bit whatever the number of threads. Users without training interactions are not covered.
 *
 * <pre>{@code
 * LatentFactorModel m = (LatentFactorModel) new AlsRecommender(...).fit(data);
 * double[] w = m.userFactors(0);        // a copy of user 0's factors
 * }</pre>
 */
public final class LatentFactorModel implements FittedRecommender {
  private final int factors;
  private final double[] userFactors;
  private final double[] itemFactors;
  private final double[] itemBias;
  private final BitSet covered;

  /**
   * @param factors the number of latent factors {@code f}
   * @param userFactors {@code users × f}, row-major (kept, not copied)
   * @param itemFactors {@code items × f}, row-major (kept, not copied)
   * @param itemBias one bias per item, or null for none
   * @param covered the users with training interactions
   */
  LatentFactorModel(int factors, double[] userFactors, double[] itemFactors, double[] itemBias, BitSet covered) {
    this.factors = factors;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.itemBias = itemBias;
    this.covered = covered;
  }

  /** The number of latent factors. */
  public int factors() {
    return factors;
  }

  /** A copy of the user's factor vector. */
  public double[] userFactors(int user) {
    double[] out = new double[factors];
    System.arraycopy(userFactors, user * factors, out, 0, factors);
    return out;
  }

  /** A copy of the item's factor vector. */
  public double[] itemFactors(int item) {
    double[] out = new double[factors];
    System.arraycopy(itemFactors, item * factors, out, 0, factors);
    return out;
  }

  /** The item's bias, 0 when the model has none. */
  public double itemBias(int item) {
    return itemBias == null ? 0 : itemBias[item];
  }

  @Override
  public boolean covers(int user) {
    return covered.get(user);
  }

  @Override
  public double[] scores(int user) {
    if (!covers(user)) throw new IllegalArgumentException("user " + user + " has no training interactions");
    int items = itemFactors.length / factors;
    double[] out = new double[items];
    int w = user * factors;
    for (int i = 0; i < items; i++) out[i] = (itemBias == null ? 0 : itemBias[i]) + dot(userFactors, w, itemFactors, i * factors, factors);
    return out;
  }

  @Override
  public double[][] scores(int[] users) {
    double[][] out = new double[users.length][];
    IntStream.range(0, users.length).parallel().forEach(k -> out[k] = covers(users[k]) ? scores(users[k]) : null);
    return out;
  }

  /**
   * {@code Σ_k a[ao + k] · b[bo + k]} with four independent partial sums (so the loop pipelines),
   * added in a fixed order: every caller gets the same bits for the same inputs.
   */
  static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += a[ao + k] * b[bo + k];
      s1 += a[ao + k + 1] * b[bo + k + 1];
      s2 += a[ao + k + 2] * b[bo + k + 2];
      s3 += a[ao + k + 3] * b[bo + k + 3];
    }
    for (; k < n; k++) s0 += a[ao + k] * b[bo + k];
    return (s0 + s1) + (s2 + s3);
  }
}
