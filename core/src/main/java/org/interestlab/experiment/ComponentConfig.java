package org.interestlab.experiment;

import java.util.List;
import org.interestlab.params.Params;

/**
 * One configured component: its stage, kind, display name (the kind unless the config gives a
 * {@code name}), validated parameters and the seed derived for it from the run seed.
 *
 * <p>A recommender whose config gives a parameter as a list ({@code lambda: [10, 100, 500]}) has
 * several {@code candidates}, every combination of the listed values in declaration order; the run
 * chooses one on a validation set carved from the training part ({@link SelectStep}). Otherwise
 * {@code candidates} is just {@code params}.
 *
 * @param params the parameters the component is built with (the first candidate)
 */
public record ComponentConfig(Stage stage, String kind, String name, Params params, long seed, List<Params> candidates) {
  public ComponentConfig {
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty() || !candidates.get(0).equals(params)) throw new IllegalArgumentException("the first candidate must be params");
  }

  public ComponentConfig(Stage stage, String kind, String name, Params params, long seed) {
    this(stage, kind, name, params, seed, List.of(params));
  }

  public <T> T create(Registry registry, Class<T> type) {
    return create(registry, type, params);
  }

  /** The component built with other validated parameters, e.g. one candidate. */
  public <T> T create(Registry registry, Class<T> type, Params with) {
    return type.cast(registry.spec(stage, kind).create(with, seed));
  }

  /** Whether the run chooses among several candidates. */
  public boolean selects() {
    return candidates.size() > 1;
  }
}
