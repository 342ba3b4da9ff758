package org.interestlab.recommend;

import org.interestlab.compute.Embeddings;
import org.interestlab.profile.UserProfiles;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Content-based: a user's score for an item is the cosine similarity of the user's profile vector
 * and the item's vector (both from the same encoder), so a user is recommended what reads like
 * what they wrote or consumed. With multi-interest profiles an item scores by the user's interest
 * it matches best. Users without a profile get nothing. An item without a content vector (no text,
 * no training review: {@link TrainingData#hasContent}) scores {@link #NO_CONTENT}, below every cosine,
 * so it comes last.
 *
 * <p>Cost: {@code O(n_items · d)} per user; no fitting beyond normalising the item vectors.
 */
public record ContentKnnRecommender() implements Recommender {
  /** The config's {@code recommenders: [{ kind: content-knn }]}; it has no parameters. */
  public static final ComponentSpec<ContentKnnRecommender> SPEC =
      new ComponentSpec<>("content-knn", "unseen items closest (cosine) to the user's own profile vector", ParamList.none(), (p, seed) -> new ContentKnnRecommender());

  /** The score of an item that has no content vector: below every cosine (≥ −1). */
  public static final double NO_CONTENT = -2;

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    Embeddings items = requireItemVectors(data, "content-knn").l2Normalized();
    Embeddings users = data.profiles().vectors().l2Normalized();
    UserProfiles profiles = data.profiles();
    Embeddings interests = profiles.hasInterests() ? profiles.interestVectors().l2Normalized() : null;
    return new FittedRecommender() {
      @Override
      public boolean covers(int user) {
        return profiles.isPresent(user);
      }

      @Override
      public double[] scores(int user) {
        if (!profiles.isPresent(user)) throw new IllegalArgumentException("user " + user + " has no profile");
        if (interests == null) return withoutContentLast(Similarity.dotAll(items, users.data(), user * users.dim()), data);
        // Several interests: an item scores by the interest it matches best.
        double[] best = null;
        for (int r = profiles.interestsFrom(user); r < profiles.interestsTo(user); r++) {
          double[] s = Similarity.dotAll(items, interests.data(), r * interests.dim());
          if (best == null) best = s;
          else for (int i = 0; i < s.length; i++) best[i] = Math.max(best[i], s[i]);
        }
        return withoutContentLast(best, data);
      }
    };
  }

  /** Sets the score of every item without a content vector to {@link #NO_CONTENT}; returns {@code scores}. */
  static double[] withoutContentLast(double[] scores, TrainingData data) {
    if (data.itemHasContent() == null) return scores;
    for (int i = 0; i < scores.length; i++) if (!data.hasContent(i)) scores[i] = NO_CONTENT;
    return scores;
  }

  static Embeddings requireItemVectors(TrainingData data, String who) {
    if (data.itemVectors() == null || data.profiles() == null) {
      throw new IllegalStateException(who + " needs item vectors and user profiles");
    }
    if (data.itemVectors().dim() != data.profiles().vectors().dim()) {
      throw new org.interestlab.UserException(who + ": user profiles are " + data.profiles().vectors().dim()
          + "-d but item vectors are " + data.itemVectors().dim() + "-d — use one encoder for both");
    }
    return data.itemVectors();
  }
}
