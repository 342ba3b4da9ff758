package org.interestlab.params;

import java.util.function.BiFunction;

/**
 * A component a config can name, declared beside the component: its kind, a one-line description,
 * its parameters (the same {@link ParamList} its constructor checks) and how to build it from
 * validated parameters and the seed derived for it from the run seed. Registering it is one line:
 * {@code registry.register(Stage.CLUSTERER, KMeans.SPEC)}.
 */
public record ComponentSpec<T>(String kind, String doc, ParamList params, BiFunction<Params, Long, T> factory) {

  public ParamSpec param(String name) {
    return params.spec(name);
  }

  public java.util.List<String> paramNames() {
    return params.names();
  }

  public T create(Params p, long seed) {
    return factory.apply(p, seed);
  }

  /** The component with every parameter at its declared default, as a config that names only the kind builds it. */
  public T createDefault(long seed) {
    return create(params.defaults(), seed);
  }
}
