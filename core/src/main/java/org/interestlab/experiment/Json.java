package org.interestlab.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.JsonStrings;

/**
 * A small JSON writer with a fixed layout: keys in insertion order, two-space indent, numbers with
 * at most 10 significant digits (so the same computation prints the same bytes), NaN as null.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pad(sb, indent + 1);
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), indent + 1);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
      sb.append(flat ? "[" : "[\n");
      for (int i = 0; i < l.size(); i++) {
        if (!flat) pad(sb, indent + 1);
        write(sb, l.get(i), indent + 1);
        if (i + 1 < l.size()) sb.append(flat ? ", " : ",\n");
      }
      if (!flat) {
        sb.append('\n');
        pad(sb, indent);
      }
      sb.append(']');
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(number(((Number) v).doubleValue()));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, v.toString());
    }
  }

  /** A double with at most 10 significant digits, plain notation; NaN and infinities as null. */
  public static String number(double d) {
    if (!Double.isFinite(d)) return "null";
    if (d == 0) return "0";
    BigDecimal b = new BigDecimal(d).round(new MathContext(10)).stripTrailingZeros();
    return Math.abs(d) < 1e-6 || Math.abs(d) >= 1e15 ? b.toString() : b.toPlainString();
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }

  private static void string(StringBuilder sb, String s) {
    JsonStrings.quote(sb, s, false);
  }
}
