package org.interestlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.experiment.ComponentConfig;
import org.interestlab.params.ComponentSpec;
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.params.ParamSpec;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Builds any registered component exactly as a config builds it, for the stage contract tests: the
 * section {@code { kind: X, …params }} is validated by {@link ConfigLoader#component} (parameter
 * names, types, ranges, defaults filled in, the component's seed derived from the run seed) and
 * built by {@link ComponentConfig#create} through {@link Registry#standard()}. A contract test
 * enumerates {@link #kinds}, so a newly registered component is covered without editing a list.
 *
 * <p>Small-data settings are given by parameter name and kept only for kinds that declare the
 * parameter ({@link #declared}), so they apply to every present and future kind that has it.
 *
 * <pre>{@code
 * static Stream<String> kinds() { return ConfiguredComponents.kinds(Stage.CLUSTERER); }
 * Clusterer c = ConfiguredComponents.build(Stage.CLUSTERER, kind, Map.of("k", 3), 7L, Clusterer.class);
 * }</pre>
 */
public final class ConfiguredComponents {
  /** Where errors say the values came from. */
  public static final String SOURCE = "contract.yaml";
  /** The run seed when a test does not choose one. */
  public static final long RUN_SEED = 42L;

  private static final Registry REGISTRY = Registry.standard();

  private ConfiguredComponents() {}

  public static Registry registry() {
    return REGISTRY;
  }

  /** Every kind registered for the stage, in registration order. */
  public static Stream<String> kinds(Stage stage) {
    return REGISTRY.kinds(stage).stream();
  }

  public static ComponentSpec<?> spec(Stage stage, String kind) {
    ComponentSpec<?> spec = REGISTRY.spec(stage, kind);
    if (spec == null) throw new IllegalArgumentException(stage.key() + " kind '" + kind + "' is not registered");
    return spec;
  }

  /** The candidate settings the kind declares a parameter for, in the candidates' order. */
  public static Map<String, Object> declared(Stage stage, String kind, Map<String, ?> candidates) {
    ComponentSpec<?> spec = spec(stage, kind);
    Map<String, Object> out = new LinkedHashMap<>();
    candidates.forEach((name, value) -> {
      if (spec.param(name) != null) out.put(name, value);
    });
    return out;
  }

  /** The key path of the stage's section in a config ({@code clusterer}, {@code recommenders[0]}). */
  public static String path(Stage stage) {
    return stage == Stage.RECOMMENDER ? stage.key() + "[0]" : stage.key();
  }

  /**
   * The validated section {@code { <kindKey>: kind, …params }} of a config with this run seed.
   *
   * @throws org.interestlab.experiment.ConfigException as a config with these values would
   */
  public static ComponentConfig configure(Stage stage, String kind, Map<String, ?> params, long runSeed) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put(stage.kindKey(), kind);
    section.putAll(params);
    return new ConfigLoader(REGISTRY).component(SOURCE, stage, path(stage), section, runSeed);
  }

  /** The component a config with this section and run seed builds. */
  public static <T> T build(Stage stage, String kind, Map<String, ?> params, long runSeed, Class<T> type) {
    return configure(stage, kind, params, runSeed).create(REGISTRY, type);
  }

  /** The same with {@link #RUN_SEED}. */
  public static <T> T build(Stage stage, String kind, Map<String, ?> params, Class<T> type) {
    return build(stage, kind, params, RUN_SEED, type);
  }

  /**
   * One argument set {@code (kind, parameter, value)} per value the config must reject for each
   * parameter the stage's kinds declare: below the minimum (the minimum itself when excluded), above
   * a finite maximum (the maximum itself when excluded), a value outside a choice, a text for a number or a flag.
   */
  public static Stream<Arguments> rejectedValues(Stage stage) {
    List<Arguments> out = new ArrayList<>();
    for (String kind : REGISTRY.kinds(stage)) {
      for (ParamSpec p : spec(stage, kind).params()) {
        for (Object bad : rejected(p)) out.add(Arguments.of(kind, p.name(), bad));
      }
    }
    return out.stream();
  }

  /**
   * One argument set {@code (kind, parameter, value)} per end of a numeric parameter's declared range
   * that the config accepts (an included minimum, a finite maximum): values a user may write, so
   * the component must build from them (or refuse with a user error), never fail as a bug.
   */
  public static Stream<Arguments> acceptedBounds(Stage stage) {
    List<Arguments> out = new ArrayList<>();
    for (String kind : REGISTRY.kinds(stage)) {
      for (ParamSpec p : spec(stage, kind).params()) {
        if (p.type() == ParamSpec.Type.INT || p.type() == ParamSpec.Type.INT_OR_ALL) {
          if (p.type() == ParamSpec.Type.INT_OR_ALL) out.add(Arguments.of(kind, p.name(), ParamSpec.ALL));
          out.add(Arguments.of(kind, p.name(), number((long) (double) p.min())));
          if (p.max() < Long.MAX_VALUE) out.add(Arguments.of(kind, p.name(), number((long) (double) p.max())));
        } else if (p.type() == ParamSpec.Type.DOUBLE) {
          if (!p.minExclusive() && p.min() > -Double.MAX_VALUE) out.add(Arguments.of(kind, p.name(), p.min()));
          if (!p.maxExclusive() && p.max() < Double.MAX_VALUE) out.add(Arguments.of(kind, p.name(), p.max()));
        }
      }
    }
    return out.stream();
  }

  /** Asserts that the kind builds with {@code value} for the parameter, or refuses it as a user error. */
  public static void assertBuildsOrIsAUserError(Stage stage, String kind, String param, Object value, Class<?> type) {
    Map<String, Object> params = new LinkedHashMap<>(requiredSettings(stage, kind));
    params.put(param, value);
    Throwable t = catchThrowable(() -> build(stage, kind, params, type));
    if (t != null) assertThat(t).as("%s.%s = %s is accepted by the config", kind, param, value).isInstanceOf(UserException.class);
  }

  private static List<Object> rejected(ParamSpec p) {
    List<Object> out = new ArrayList<>();
    switch (p.type()) {
      case INT, INT_OR_ALL -> {
        if (p.min() > Long.MIN_VALUE) out.add(number((long) (double) p.min() - 1));
        if (p.max() < Long.MAX_VALUE) out.add(number((long) (double) p.max() + 1));
        out.add("many");
      }
      case DOUBLE -> {
        if (p.min() > -Double.MAX_VALUE) out.add(p.minExclusive() ? p.min() : p.min() - 1);
        if (p.max() < Double.MAX_VALUE) out.add(p.maxExclusive() ? p.max() : p.max() + 1);
        out.add("many");
      }
      case CHOICE -> out.add("no-such-" + p.name());
      case BOOL -> out.add("maybe");
      case STRING -> out.add(List.of("a", "list"));
      case COMPONENTS -> {
        out.add("many");
        out.add(List.of(Map.of("kind", "ease")));
      }
      default -> throw new IllegalStateException(p.type().toString());
    }
    return out;
  }

  /** An int where it fits (as YAML reads small numbers), else a long. */
  private static Object number(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }

  /**
   * Asserts that a config giving {@code value} to the kind's parameter ends in one line naming the
   * file and key path, as a user error (exit 2).
   */
  public static void assertRejectedNamingTheKey(Stage stage, String kind, String param, Object value) {
    Map<String, Object> params = new LinkedHashMap<>(requiredSettings(stage, kind));
    params.put(param, value);
    Throwable t = catchThrowable(() -> configure(stage, kind, params, RUN_SEED));
    String key = path(stage) + "." + param;
    assertThat(t).as("%s: %s = %s must be rejected", kind, key, value).isInstanceOf(UserException.class);
    assertThat(t.getMessage()).as("one line").doesNotContain("\n")
        .startsWith(SOURCE + ": " + key + ": ").contains("allowed");
  }

  /**
   * Placeholder values for parameters without a default, so that a section checking one other key
   * is otherwise complete (text parameters only: numbers and choices have defaults).
   */
  private static Map<String, Object> requiredSettings(Stage stage, String kind) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamSpec p : spec(stage, kind).params()) if (p.required() && p.type() == ParamSpec.Type.STRING) out.put(p.name(), "x");
    return out;
  }
}
