package org.interestlab.experiment;

import org.interestlab.params.Params;

/**
 * One configured component: its stage, kind, display name (the kind unless the config gives a
 * {@code name}), validated parameters and the seed derived for it from the run seed.
 */
public record ComponentConfig(Stage stage, String kind, String name, Params params, long seed) {
  public <T> T create(Registry registry, Class<T> type) {
    return type.cast(registry.spec(stage, kind).create(params, seed));
  }
}
