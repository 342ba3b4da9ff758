package org.interestlab.experiment;

import static org.interestlab.params.ParamSpec.openInterval;
import static org.interestlab.params.ParamSpec.string;

import org.interestlab.params.ParamList;

/**
 * The optional {@code validation:} section: how a recommender whose parameters are listed
 * ({@code lambda: [10, 100, 500]}) is chosen. The split's own rule carves a validation set out of
 * the training part ({@link org.interestlab.data.Splitter#forValidation}); each candidate is fitted
 * on the rest and ranked for the validation users; the one with the best {@code metric} (the first
 * on ties) is refitted on the whole training part and tested once.
 *
 * <pre>{@code
 * validation: { metric: ndcg@10, share: 0.1 }
 * }</pre>
 */
final class SelectionSettings {
  static final String KEY = "validation";

  /** {@code metric}: empty means the config's first per-user metric. */
  static final ParamList PARAMS = ParamList.of(
      string("metric", "", "per-user metric that chooses (default: the first per-user metric of metrics:)"),
      openInterval("share", 0.1, 0, 1, "share of the training part held out for validation (temporal and ratio splits)"));

  private SelectionSettings() {}
}
