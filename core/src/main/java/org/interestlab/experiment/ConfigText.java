package org.interestlab.experiment;

/** How config values are shown in messages. */
final class ConfigText {
  private ConfigText() {}

  static String show(Object v) {
    if (v == null) return "(empty)";
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof java.util.Map) return "a mapping";
    if (v instanceof java.util.List) return "a list";
    return String.valueOf(v);
  }
}
