package org.interestlab.recommend;


/**
 * Recommends the items most users interacted with in training that the user has not seen. The
 * baseline every personalised method must beat. Cost: {@code O(|train|)} to fit, {@code O(n_items
 * log k)} per user.
 */
public record MostPopularRecommender() implements Recommender {
  @Override
  public FittedRecommender fit(TrainingData data) {
    int[] pop = data.itemPopularity();
    double[] scores = new double[pop.length];
    for (int i = 0; i < pop.length; i++) scores[i] = pop[i];
    return user -> scores.clone();
  }
}
