package org.interestlab.experiment;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A component a config can name: its kind, its parameters (as data), and how to build it from
 * validated parameters and the seed derived for it from the run seed.
 */
public record ComponentSpec<T>(String kind, String doc, List<ParamSpec> params, BiFunction<Params, Long, T> factory) {
  public ComponentSpec {
    params = List.copyOf(params);
  }

  public ParamSpec param(String name) {
    for (ParamSpec p : params) if (p.name().equals(name)) return p;
    return null;
  }

  public List<String> paramNames() {
    return params.stream().map(ParamSpec::name).toList();
  }

  public T create(Params p, long seed) {
    return factory.apply(p, seed);
  }
}
