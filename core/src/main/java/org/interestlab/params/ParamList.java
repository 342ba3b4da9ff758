package org.interestlab.params;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one component, declared once beside it (a {@code public static final PARAMS}
 * field) and read by both its constructor ({@link #check}) and the registry ({@link #resolve}), so a
 * value is judged the same way and fails with the same {@link ParameterException} whether it came
 * from Java or from a config, and Java's defaults are the config's defaults ({@link #defaults}).
 *
 * <pre>{@code
 * public static final ParamList PARAMS = ParamList.of(
 *     ParamSpec.integer("k", 12, 1, 1_000_000, "number of clusters"),
 *     ParamSpec.integer("max_iter", 100, 1, 100_000, "iterations"));
 * public MyClusterer { PARAMS.check("k", k); PARAMS.check("max_iter", maxIter); }
 * Params p = PARAMS.resolve(Map.of("k", 8));   // k = 8, max_iter = 100
 * }</pre>
 */
public final class ParamList implements Iterable<ParamSpec> {
  private static final ParamList NONE = new ParamList(List.of());

  private final List<ParamSpec> specs;

  private ParamList(List<ParamSpec> specs) {
    List<String> names = new ArrayList<>();
    for (ParamSpec p : specs) {
      if (names.contains(p.name())) throw new IllegalArgumentException("parameter " + p.name() + " is declared twice");
      names.add(p.name());
    }
    this.specs = List.copyOf(specs);
  }

  public static ParamList of(ParamSpec... specs) {
    return new ParamList(List.of(specs));
  }

  public static ParamList of(List<ParamSpec> specs) {
    return new ParamList(specs);
  }

  /** A component without parameters. */
  public static ParamList none() {
    return NONE;
  }

  /** These declarations followed by {@code more} (e.g. a parameter several components share). */
  public ParamList and(ParamSpec... more) {
    List<ParamSpec> all = new ArrayList<>(specs);
    all.addAll(List.of(more));
    return new ParamList(all);
  }

  /** These declarations followed by another component's (e.g. an analysis made of several parts). */
  public ParamList and(ParamList more) {
    return and(more.specs.toArray(ParamSpec[]::new));
  }

  public List<ParamSpec> specs() {
    return specs;
  }

  @Override
  public Iterator<ParamSpec> iterator() {
    return specs.iterator();
  }

  /** The declaration named {@code name}, or null. */
  public ParamSpec spec(String name) {
    for (ParamSpec p : specs) if (p.name().equals(name)) return p;
    return null;
  }

  public List<String> names() {
    return specs.stream().map(ParamSpec::name).toList();
  }

  public boolean isEmpty() {
    return specs.isEmpty();
  }

  /** Every parameter at its default; required parameters (no default) are absent ({@code null}). */
  public Params defaults() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamSpec p : specs) out.put(p.name(), p.defaultValue());
    return new Params(out);
  }

  /**
   * Validates {@code raw} (values as YAML reads them or as Java passes them) and fills defaults.
   *
   * @param kind the component's name, shown when a key is unknown or a required value missing
   * @throws ParameterException for an unknown key, an empty value, a missing required value or a
   *     value outside its declaration, naming the first bad key
   */
  public Params resolve(String kind, Map<String, ?> raw) {
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      ParamSpec p = spec(e.getKey());
      if (p == null) {
        throw new ParameterException(e.getKey(), ParameterException.show(e.getValue()), "unknown key for '" + kind
            + "' — allowed keys: " + (specs.isEmpty() ? "none" : String.join(", ", names())));
      }
      if (e.getValue() == null) throw new ParameterException(p.name(), "(empty)", "empty value — allowed: " + p.allowedText());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamSpec p : specs) {
      Object v = raw.get(p.name());
      if (v == null) {
        if (p.required()) {
          throw new ParameterException(p.name(), "(empty)", "missing — required for '" + kind + "', allowed: " + p.allowedText());
        }
        v = p.defaultValue();
      } else {
        v = p.coerce(v);
      }
      out.put(p.name(), v);
    }
    return new Params(out);
  }

  /**
   * Checks a value a constructor was given against the declaration of {@code name}; for an
   * {@link ParamSpec#integerOrAll} parameter {@link ParamSpec#ALL_AS_INT} stands for {@code all}.
   */
  public int check(String name, int value) {
    ParamSpec p = declared(name);
    if (p.type() == ParamSpec.Type.INT_OR_ALL && value == ParamSpec.ALL_AS_INT) return value;
    p.coerce(value);
    return value;
  }

  /** Checks a value a constructor was given against the declaration of {@code name}. */
  public double check(String name, double value) {
    declared(name).coerce(value);
    return value;
  }

  /** Checks a value a constructor was given (a choice by its config name, a string, a boolean) against the declaration of {@code name}. */
  public <T> T check(String name, T value) {
    ParamSpec p = declared(name);
    if (value == null) throw new ParameterException(name, "(empty)", "empty value — allowed: " + p.allowedText());
    p.coerce(value);
    return value;
  }

  private ParamSpec declared(String name) {
    ParamSpec p = spec(name);
    if (p == null) throw new IllegalArgumentException("parameter " + name + " is not declared (declared: " + names() + ")");
    return p;
  }
}
