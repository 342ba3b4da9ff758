package org.interestlab.plot;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.interestlab.compute.JsonStrings;

/**
 * The JSON of plotly traces and layouts: maps (insertion order), collections, arrays of numbers or
 * strings, strings, numbers and booleans. Non-finite numbers become {@code null}, which plotly draws as
 * a gap (plain JSON has no NaN). Output is compact, and "&lt;/" is escaped so the text is safe inside
 * a {@code <script>} element.
 */
final class PlotJson {
  private PlotJson() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(',');
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) sb.append(',');
        first = false;
        write(sb, o);
      }
      sb.append(']');
    } else if (v instanceof double[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) sb.append(i > 0 ? "," : "").append(number(a[i]));
      sb.append(']');
    } else if (v instanceof int[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) sb.append(i > 0 ? "," : "").append(a[i]);
      sb.append(']');
    } else if (v instanceof Object[] a) {
      write(sb, java.util.Arrays.asList(a));
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(number(((Number) v).doubleValue()));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, v.toString());
    }
  }

  /** Shortest text that reads back as the same double; integers without a fraction. */
  static String number(double d) {
    if (!Double.isFinite(d)) return "null";
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%d", (long) d);
    return Double.toString(d);
  }

  private static void string(StringBuilder sb, String s) {
    JsonStrings.quote(sb, s, true);
  }
}
