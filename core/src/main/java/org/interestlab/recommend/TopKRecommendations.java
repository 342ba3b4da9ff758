package org.interestlab.recommend;

import java.util.BitSet;
import org.interestlab.compute.TopK;

/**
 * The one place where scores become top-k lists: the k best-scoring items of a user that the user
 * did not interact with in training, best first, ties to the lower item index (so rankings are
 * reproducible). Users the model does not cover get an empty list.
 *
 * <p>Cost: {@code O(n_items log k)} per user on top of the model's scoring.
 *
 * <pre>{@code
 * TopKRecommendations top = new TopKRecommendations(model, trainingData);
 * int[] tenBest = top.forUser(user, 10);
 * }</pre>
 */
public final class TopKRecommendations {
  private final FittedRecommender model;
  private final BitSet[] training;

  public TopKRecommendations(FittedRecommender model, TrainingData data) {
    this.model = model;
    this.training = data.seenItems();
  }

  /** The user's top {@code k} unseen items (fewer when fewer are left). */
  public int[] forUser(int user, int k) {
    if (!model.covers(user)) return new int[0];
    return TopK.select(model.scores(user), k, training[user]);
  }

  /** {@link #forUser} for several users, scored as one batch. */
  public int[][] forUsers(int[] users, int k) {
    double[][] scores = model.scores(users);
    int[][] out = new int[users.length][];
    for (int i = 0; i < users.length; i++) {
      out[i] = scores[i] == null ? new int[0] : TopK.select(scores[i], k, training[users[i]]);
    }
    return out;
  }
}
