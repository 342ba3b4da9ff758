package org.interestlab.recommend;

import java.util.List;
import java.util.Map;

/**
 * Builds the recommenders a composite model is made of from their config sections, so that a model of this
 * package (a hybrid) can name any registered recommender without knowing the registry, which lives in a later
 * layer. The registry passes its own implementation to {@link LearnedHybridRecommender#spec}.
 */
@FunctionalInterface
public interface NestedRecommenders {
  /** Builds nothing: a composite made without a registry (from Java) has no nested sections to build. */
  NestedRecommenders NONE = (section, index, seed) -> {
    throw new IllegalStateException("nested recommender sections need the registry: use Registry.standard()");
  };

  /** One candidate of a nested section: the model and its listed values in words (e.g. {@code "ease lambda=100"}). */
  record Candidate(String description, Recommender recommender) {}

  /**
   * Every candidate of one nested section ({@code {kind: ease, lambda: [25, 100]}} gives two), in the order a
   * top-level section's candidates are listed; the section was validated when the config was loaded.
   *
   * @param index the section's position among its siblings (seeds differ per position)
   * @param seed the composite's own seed
   */
  List<Candidate> candidates(Map<String, Object> section, int index, long seed);
}
