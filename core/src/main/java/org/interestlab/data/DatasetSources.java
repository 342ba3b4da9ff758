package org.interestlab.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamSpec;

/**
 * Maps the dataset names used in configs ({@code dataset: { source: <name>, ... }}) to loaders.
 *
 * <table>
 *   <caption>Names</caption>
 *   <tr><th>name</th><th>parameters</th><th>loader</th></tr>
 *   <tr><td>{@code movielens-100k}</td><td>none</td><td>{@link MovieLens100kSource}</td></tr>
 *   <tr><td>{@code movielens-1m}</td><td>none</td><td>{@link MovieLens1mSource}</td></tr>
 *   <tr><td>{@code movielens-latest-small}</td><td>none</td><td>{@link MovieLensLatestSmallSource}</td></tr>
 *   <tr><td>{@code amazon-reviews-5core}</td><td>{@code category} (required)</td>
 *       <td>{@link AmazonReviews5CoreSource}</td></tr>
 * </table>
 *
 * <p>Unknown names and unknown or missing parameters are {@link UserException}s that list what is
 * allowed. Lookup is O(1).
 *
 * <pre>{@code
 * DatasetSource src = DatasetSources.forName("amazon-reviews-5core", Map.of("category", "Musical_Instruments"));
 * Dataset d = DatasetSources.load("movielens-latest-small", Map.of());   // downloads if needed
 * }</pre>
 */
public final class DatasetSources {
  private DatasetSources() {}

  /** Each source's spec, declared beside it (the same declarations a config's {@code dataset:} section is checked against). */
  /** Every downloadable source, one line each; the registry offers each as a config's {@code dataset:}. */
  private static final List<ComponentSpec<DatasetSource>> SPECS = List.of(
      MovieLens100kSource.SPEC,
      MovieLens1mSource.SPEC,
      MovieLensLatestSmallSource.SPEC,
      AmazonReviews5CoreSource.SPEC);

  private static final Map<String, ComponentSpec<DatasetSource>> FACTORIES = new LinkedHashMap<>();

  static {
    for (ComponentSpec<DatasetSource> spec : SPECS) FACTORIES.put(spec.kind(), spec);
  }

  /** The specs of every downloadable source, in documentation order. */
  public static List<ComponentSpec<DatasetSource>> specs() {
    return SPECS;
  }

  /** The names {@link #forName} accepts, in documentation order. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * The loader for a config name.
   *
   * @throws UserException for an unknown name (listing the allowed names) or a missing or unknown
   *     parameter
   */
  public static DatasetSource forName(String name, Map<String, String> params) {
    ComponentSpec<DatasetSource> f = FACTORIES.get(name);
    if (f == null) {
      throw new UserException("unknown dataset source '" + name + "'; allowed: " + String.join(", ", FACTORIES.keySet()));
    }
    for (String key : params.keySet()) {
      if (f.param(key) == null) {
        throw new UserException("dataset source " + name + ": unknown parameter '" + key + "'; allowed: "
            + (f.params().isEmpty() ? "none" : String.join(", ", f.paramNames())));
      }
    }
    for (ParamSpec p : f.params()) {
      if (p.required() && !params.containsKey(p.name())) {
        throw new UserException("dataset source " + name + " needs parameter " + p.name());
      }
    }
    return f.create(f.params().resolve(name, params), 0L);
  }

  /** Loads a dataset from the default {@link DatasetStore}, downloading it first if needed. */
  public static Dataset load(String name, Map<String, String> params) {
    return load(DatasetStore.create(), name, params);
  }

  /** Loads a dataset from {@code store}, downloading it first if needed. */
  public static Dataset load(DatasetStore store, String name, Map<String, String> params) {
    DatasetSource source = forName(name, params);
    Path folder = store.ensure(name, params);
    return source.load(folder);
  }
}
