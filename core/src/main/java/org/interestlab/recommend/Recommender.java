package org.interestlab.recommend;

/**
 * History → scores over all items, in the estimator style: an immutable parameter record whose
 * {@link #fit} returns a {@link FittedRecommender}. Fitting reads only the training data.
 *
 * <p>A recommender says what it needs beyond the interactions ({@link #needsItemVectors()},
 * {@link #needsClusters()}), so a config that lacks it is rejected before any work starts.
 */
public interface Recommender {
  FittedRecommender fit(TrainingData data);

  /** Whether {@link #fit} reads item vectors (so the pipeline embeds every item first). */
  default boolean needsItemVectors() {
    return false;
  }

  /** Whether {@link #fit} reads each user's interest cluster (so the config needs a clusterer). */
  default boolean needsClusters() {
    return false;
  }
}
