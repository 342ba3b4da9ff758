package org.interestlab.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component's validated parameters, defaults filled, in declaration order (a required parameter
 * without a value maps to {@code null}). Made by {@link ParamList#resolve} or {@link ParamList#defaults}.
 */
public record Params(Map<String, Object> values) {
  public Params {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public int getInt(String name) {
    return (Integer) require(name);
  }

  /** An {@link ParamSpec#integerOrAll} value: the integer, or {@link ParamSpec#ALL_AS_INT} for {@code all}. */
  public int getIntOrAll(String name) {
    Object v = require(name);
    return ParamSpec.ALL.equals(v) ? ParamSpec.ALL_AS_INT : (Integer) v;
  }

  public double getDouble(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public String getString(String name) {
    return (String) require(name);
  }

  public boolean getBool(String name) {
    return (Boolean) require(name);
  }

  /** A {@link ParamSpec#components} value: the nested sections as the config wrote them (empty when none). */
  @SuppressWarnings("unchecked")
  public java.util.List<java.util.Map<String, Object>> getComponents(String name) {
    return (java.util.List<java.util.Map<String, Object>>) require(name);
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) throw new IllegalStateException("parameter " + name + " not declared or not set");
    return v;
  }
}
