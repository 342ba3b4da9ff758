package org.interestlab.recommend;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A recommender that fits part of itself on the validation split rather than on training data, e.g. the weights
 * of a blend. The run's validation step ({@code SelectStep}) calls {@link #tune} with the training part minus
 * validation (item vectors and profiles rebuilt without the validation reviews) and a scorer of the validation
 * metric; the returned recommender is then fitted on the whole training part and tested like any other.
 */
public interface TunedOnValidation {
  /** What {@link #tune} fitted: a recommender with those values fixed, and the values for {@code selection.csv}. */
  record Tuned(Recommender recommender, Map<String, Object> values) {}

  /** Whether this instance has anything to fit on validation. */
  boolean tunes();

  /**
   * @param data the training part without the validation interactions
   * @param validationScore the run's validation metric (mean over the validation users) of a fitted model's top-K lists
   */
  Tuned tune(TrainingData data, ToDoubleFunction<FittedRecommender> validationScore);
}
