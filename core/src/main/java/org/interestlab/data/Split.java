package org.interestlab.data;

import java.util.Objects;

/**
 * A train/test split of one dataset. Both halves share the same users and items (built with {@link
 * Dataset#withInteractions}), so a dense index means the same user or item in both; only the
 * interactions and tags differ. Every test interaction's user and item appear in the training
 * interactions: a recommender is never asked about someone or something it could not have seen —
 * except in an item cold-start split ({@link HeldOutItemsSplit}), whose test items are by design items
 * no training interaction mentions.
 *
 * <pre>{@code
 * Split s = new TemporalSplit(0.2).split(dataset);
 * recommender.fit(s.train());
 * evaluate(s.test());
 * }</pre>
 *
 * @param train what models may learn from
 * @param test what they are measured on
 * @param droppedTest test interactions the splitter chose but left out because their user or item
 *     never occurs in training (only their user, for held-out items; reported by a run, so a protocol that evaluates few users says so)
 */
public record Split(Dataset train, Dataset test, int droppedTest) {
  /** A split that dropped nothing. */
  public Split(Dataset train, Dataset test) {
    this(train, test, 0);
  }

  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (droppedTest < 0) throw new IllegalArgumentException("droppedTest < 0: " + droppedTest);
    if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
      throw new IllegalArgumentException("train and test must share users and items: " + train + " vs " + test);
    }
  }
}
