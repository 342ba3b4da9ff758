package org.interestlab.data;

import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.interestlab.params.ParamSpec;

/**
 * Keeps the interactions rated at least {@code minRating} — the "positive feedback" cut of many
 * benchmarks, e.g. RecBole's MovieLens-1M setting {@code val_interval: {rating: "[3,inf)"}}, which
 * leaves 836,478 of its 1,000,209 ratings. An interaction without a rating is kept (there is
 * nothing to judge); tags are kept. Users and items stay declared, so indices do not move.
 *
 * <p>Applied before a split (and before its k-core, as RecBole filters values before counting), so
 * training, validation and test see the same positive events. Cost: O(n).
 *
 * <pre>{@code
 * Dataset liked = new RatingFilter(3).apply(dataset);
 * Splitter s = RatingFilter.before(3, UserPartsSplit.defaults(2020));
 * }</pre>
 *
 * @param minRating smallest rating kept, greater than 0 (0 in a config means no filter)
 */
public record RatingFilter(double minRating) implements UnaryOperator<Dataset> {
  /** The {@code min_rating} parameter of the splits that take it: 0 (the default) for no filter. */
  public static final ParamSpec MIN_RATING = real("min_rating", 0.0, 0, 1e9, false,
      "before splitting, keep only interactions rated at least this (0 = off; unrated events are kept)");

  public RatingFilter {
    MIN_RATING.coerce(minRating);
    if (minRating == 0) throw new IllegalArgumentException("min_rating 0 means no filter: build none (see before)");
  }

  /** {@code split} applied to the rated-at-least part of its input; {@code split} itself when {@code minRating} is 0. */
  public static Splitter before(double minRating, Splitter split) {
    return minRating == 0 ? split : new FilteredSplit(new RatingFilter(minRating), split);
  }

  @Override
  public Dataset apply(Dataset d) {
    List<Interaction> kept = new ArrayList<>();
    for (Interaction x : d.interactions()) if (!x.hasRating() || x.rating() >= minRating) kept.add(x);
    return d.withInteractions(kept, d.tags());
  }
}
