package org.interestlab.params;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of a component, declared as data next to the component (as scikit-learn's
 * {@code _parameter_constraints}): name, type, default ({@code null} = required), range or allowed
 * values, and a one-line description used in docs and error messages. Components collect theirs in a
 * {@link ParamList}.
 *
 * <pre>{@code
 * ParamSpec k = ParamSpec.integer("k", 12, 1, 1_000_000, "number of clusters");
 * k.coerce(0);   // ParameterException: k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000
 * }</pre>
 */
public record ParamSpec(String name, Type type, Object defaultValue, Double min, Double max, boolean minExclusive,
    boolean maxExclusive, List<String> allowed, String doc) {

  public enum Type { INT, DOUBLE, STRING, BOOL, CHOICE, INT_OR_ALL, COMPONENTS }

  /** The word an {@link #integerOrAll} parameter accepts instead of a number: no limit. */
  public static final String ALL = "all";

  /** How Java passes {@link #ALL} to a constructor taking an int limit, and how {@link Params#getIntOrAll} reads it. */
  public static final int ALL_AS_INT = Integer.MAX_VALUE;

  public static ParamSpec integer(String name, Integer def, long min, long max, String doc) {
    return new ParamSpec(name, Type.INT, def, (double) min, (double) max, false, false, List.of(), doc);
  }

  /**
   * An integer in [min, max] or the word {@code all} (no limit), e.g. a neighbourhood size. The
   * config value {@code all} stays the text {@code "all"} (so resolved configs show it); Java code
   * reads it with {@link Params#getIntOrAll} as {@link #ALL_AS_INT}.
   *
   * @param def the default: an Integer, {@link #ALL}, or null (required)
   */
  public static ParamSpec integerOrAll(String name, Object def, long min, long max, String doc) {
    if (def != null && !(def instanceof Integer) && !ALL.equals(def)) throw new IllegalArgumentException(name + ": default must be an integer or \"all\"");
    return new ParamSpec(name, Type.INT_OR_ALL, def, (double) min, (double) max, false, false, List.of(), doc);
  }

  public static ParamSpec real(String name, Double def, double min, double max, boolean minExclusive, String doc) {
    return new ParamSpec(name, Type.DOUBLE, def, min, max, minExclusive, false, List.of(), doc);
  }

  /** A number strictly between {@code min} and {@code max}, e.g. a fraction in (0, 1). */
  public static ParamSpec openInterval(String name, Double def, double min, double max, String doc) {
    return new ParamSpec(name, Type.DOUBLE, def, min, max, true, true, List.of(), doc);
  }

  public static ParamSpec string(String name, String def, String doc) {
    return new ParamSpec(name, Type.STRING, def, null, null, false, false, List.of(), doc);
  }

  public static ParamSpec bool(String name, Boolean def, String doc) {
    return new ParamSpec(name, Type.BOOL, def, null, null, false, false, List.of(), doc);
  }

  public static ParamSpec choice(String name, String def, List<String> allowed, String doc) {
    return new ParamSpec(name, Type.CHOICE, def, null, null, false, false, List.copyOf(allowed), doc);
  }

  /**
   * A list of at least two nested recommender sections ({@code [{kind: ease, lambda: 100}, {kind: content-knn}]}), e.g.
   * the models a hybrid blends. The list is one value, never a list of values to choose among; each section's own
   * parameters are checked by the config against that recommender's declaration. Default: none (an empty list).
   */
  public static ParamSpec components(String name, String doc) {
    return new ParamSpec(name, Type.COMPONENTS, List.of(), null, null, false, false, List.of(), doc);
  }

  public boolean required() {
    return defaultValue == null;
  }

  /** What values are allowed, in words, for error messages. */
  public String allowedText() {
    return switch (type) {
      case INT -> "an integer" + range();
      case INT_OR_ALL -> "an integer" + range() + ", or " + ALL;
      case DOUBLE -> "a number" + range();
      case STRING -> "a string";
      case BOOL -> "true or false";
      case CHOICE -> "one of " + String.join(", ", allowed);
      case COMPONENTS -> "a list of at least 2 recommender sections { kind: …, … }";
    };
  }

  private String range() {
    boolean hasMin = min != null && min > -Double.MAX_VALUE && min != Long.MIN_VALUE;
    boolean hasMax = max != null && max < Double.MAX_VALUE && max != Long.MAX_VALUE;
    String lo = hasMin ? (minExclusive ? " > " : " ≥ ") + fmt(min) : "";
    String hi = hasMax ? (maxExclusive ? " < " : " ≤ ") + fmt(max) : "";
    if (hasMin && hasMax) return lo + " and" + hi;
    return lo + hi;
  }

  private String fmt(double v) {
    if (type == Type.INT || type == Type.INT_OR_ALL || v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
    return String.format(Locale.ROOT, "%s", v);
  }

  /**
   * Checks and converts a raw value (as YAML reads it, or as Java passes it): integers stay
   * {@code Integer}, numbers become {@code Double}, choices and strings {@code String}.
   *
   * @throws ParameterException naming this parameter, the value and what is allowed
   */
  public Object coerce(Object raw) {
    switch (type) {
      case INT -> {
        if (!(raw instanceof Integer || raw instanceof Long)) throw ParameterException.of(this, raw, "is not an integer");
        long v = ((Number) raw).longValue();
        if (v < min || v > max) throw ParameterException.of(this, raw, "is out of range");
        return (int) v;
      }
      case INT_OR_ALL -> {
        if (ALL.equals(raw)) return ALL;
        if (!(raw instanceof Integer || raw instanceof Long)) throw ParameterException.of(this, raw, "is neither an integer nor " + ALL);
        long v = ((Number) raw).longValue();
        if (v < min || v > max) throw ParameterException.of(this, raw, "is out of range");
        return (int) v;
      }
      case DOUBLE -> {
        if (!(raw instanceof Number)) throw ParameterException.of(this, raw, "is not a number");
        double v = ((Number) raw).doubleValue();
        if (Double.isNaN(v) || v < min || v > max || (minExclusive && v == min) || (maxExclusive && v == max)) throw ParameterException.of(this, raw, "is out of range");
        return v;
      }
      case STRING -> {
        if (!(raw instanceof String s)) throw ParameterException.of(this, raw, "is not a string");
        return s;
      }
      case BOOL -> {
        if (!(raw instanceof Boolean b)) throw ParameterException.of(this, raw, "is not true or false");
        return b;
      }
      case CHOICE -> {
        String s = String.valueOf(raw);
        if (!allowed.contains(s)) throw ParameterException.of(this, raw, "is not allowed");
        return s;
      }
      case COMPONENTS -> {
        if (!(raw instanceof List<?> list) || list.size() < 2) throw ParameterException.of(this, raw, "is not a list of 2 or more sections");
        for (Object section : list) {
          if (!(section instanceof java.util.Map<?, ?> m) || !(m.get("kind") instanceof String)) {
            throw ParameterException.of(this, raw, "has an entry that is not a { kind: … } section");
          }
        }
        return List.copyOf(list);
      }
      default -> throw new IllegalStateException(type.toString());
    }
  }
}
