package org.interestlab.data;

import java.util.function.UnaryOperator;

/**
 * A split of filtered data: {@code split.split(filter.apply(d))} — a k-core ({@link KCoreFilter}) or
 * a rating threshold ({@link RatingFilter}) applied before the split's own rule.
 *
 * @param filter what the data goes through first
 * @param split the rule applied to what is left
 */
public record FilteredSplit(UnaryOperator<Dataset> filter, Splitter split) implements Splitter {
  @Override
  public Split split(Dataset d) {
    return split.split(filter.apply(d));
  }

  /** The training part is already filtered: the inner rule alone carves validation from it. */
  @Override
  public Splitter forValidation(double share) {
    return split.forValidation(share);
  }

  @Override
  public boolean holdsOutItems() {
    return split.holdsOutItems();
  }
}
