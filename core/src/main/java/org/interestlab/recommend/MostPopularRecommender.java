package org.interestlab.recommend;

import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Recommends the items most users interacted with in training that the user has not seen. The
 * baseline every personalised method must beat. Cost: {@code O(|train|)} to fit, {@code O(n_items
 * log k)} per user.
 */
public record MostPopularRecommender() implements Recommender {
  /** The config's {@code recommenders: [{ kind: most-popular }]}; it has no parameters. */
  public static final ComponentSpec<MostPopularRecommender> SPEC =
      new ComponentSpec<>("most-popular", "globally most popular unseen items", ParamList.none(), (p, seed) -> new MostPopularRecommender());

  @Override
  public FittedRecommender fit(TrainingData data) {
    int[] pop = data.itemPopularity();
    double[] scores = new double[pop.length];
    for (int i = 0; i < pop.length; i++) scores[i] = pop[i];
    return user -> scores.clone();
  }
}
