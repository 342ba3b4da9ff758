package org.interestlab.recommend;

/**
 * History → ranked items, in the estimator style: an immutable parameter record whose {@link #fit}
 * returns a {@link FittedRecommender}. Fitting reads only the training data.
 */
public interface Recommender {
  FittedRecommender fit(TrainingData data);

  /** Whether {@link #fit} reads item vectors (so the pipeline embeds every item first). */
  default boolean needsItemVectors() {
    return false;
  }
}
