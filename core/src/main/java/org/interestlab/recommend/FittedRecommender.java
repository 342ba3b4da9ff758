package org.interestlab.recommend;

/**
 * A fitted recommender: a score for every item, for any user of the training data. Higher is
 * better; only the order within one user's scores matters. Scores are finite for every user the
 * model {@link #covers}; a user it does not cover (e.g. one with no profile) gets no
 * recommendations at all. Top-k lists are derived from the scores in one place,
 * {@link TopKRecommendations}, which also removes the user's training items — a fitted model never
 * needs to know what to exclude.
 *
 * <p>Models that hold native memory (engine tensors) release it in {@link #close}; the runner
 * closes every fitted model it made. Implementations must be safe to call from one thread at a
 * time; {@link #scores(int[])} may use many threads internally.
 *
 * <pre>{@code
 * try (FittedRecommender model = new ItemKnnRecommender(50).fit(data)) {
 *   double[] s = model.scores(user);                       // one score per item
 *   int[] top = new TopKRecommendations(model, data).forUser(user, 10);
 * }
 * }</pre>
 */
public interface FittedRecommender extends AutoCloseable {

  /** Whether the model has scores for {@code user}; users it does not cover get an empty list. */
  default boolean covers(int user) {
    return true;
  }

  /**
   * The user's score for every item (one entry per item of the training data), training items
   * included: their exclusion is {@link TopKRecommendations}'s job.
   *
   * @throws IllegalArgumentException if the model does not {@link #covers cover} the user
   */
  double[] scores(int user);

  /** Scores of several users, one row each, in order; a row is null for a user not covered. */
  default double[][] scores(int[] users) {
    double[][] out = new double[users.length][];
    for (int i = 0; i < users.length; i++) out[i] = covers(users[i]) ? scores(users[i]) : null;
    return out;
  }

  /** Releases native memory; a no-op for models held in Java arrays. */
  @Override
  default void close() {}
}
