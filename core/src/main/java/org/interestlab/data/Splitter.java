package org.interestlab.data;

/**
 * Divides a dataset into a {@link Split}. Implementations are immutable records whose components
 * are the parameters (including any seed), so the same splitter on the same dataset always gives
 * the same split, and splitting never changes the input.
 *
 * <p>Implementations: {@link TemporalSplit} (global time cut), {@link LeaveLastOutSplit} (each
 * user's last interaction), {@link RatioSplit} (per-user random fraction), {@link UserPartsSplit}
 * (per-user random train / validation / test weights, counted as RecBole), {@link HeldOutItemsSplit}
 * (a share of the items held out entirely: item cold start). Each keeps only test events whose user and
 * item occur in the training interactions — except that a split that {@link #holdsOutItems() holds out
 * items} keeps test events of items training never saw — and assigns tags so that none reveals a test
 * interaction to training.
 *
 * <pre>{@code
 * Splitter splitter = new RatioSplit(0.75, 42);
 * Split split = splitter.split(new KCoreFilter(5).apply(dataset));
 * }</pre>
 */
@FunctionalInterface
public interface Splitter {
  Split split(Dataset dataset);

  /**
   * The splitter that carves a validation set out of this one's training part by the same rule:
   * the latest {@code share} of the training interactions (temporal), each user's second-to-last
   * interaction (leave-last-out: the last of the training part), a {@code share} of each user's
   * training interactions (ratio), a {@code share} of the training part's items (held-out items). Applied to {@link Split#train()}, its test part is the validation
   * set and its training part what candidates are fitted on; the test part is never read.
   *
   * @param share the validation share of the training part, in (0, 1), where the rule takes one
   * @throws org.interestlab.UserException when this splitter has no validation rule
   */
  default Splitter forValidation(double share) {
    throw new org.interestlab.UserException("this split cannot carve a validation set: use split kind temporal, ratio, leave-last-out "
        + "or held-out-items");
  }

  /**
   * Whether test items are items training never saw (item cold start, {@link HeldOutItemsSplit}); false
   * for every split whose test items all occur in training.
   */
  default boolean holdsOutItems() {
    return false;
  }
}
