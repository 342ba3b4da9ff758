package org.interestlab.compute;

import java.util.Locale;

/**
 * One JSON string escaper for every JSON the project writes ({@code metrics.json}, plot traces). RFC 8259
 * escapes: quote, backslash, the named controls, other controls as {@code \\uXXXX}.
 *
 * <p>{@code scriptSafe} is for JSON placed inside an HTML {@code <script>} element: "&lt;/" becomes
 * "&lt;\/" (so a string cannot close the element) and U+2028/U+2029 are escaped (older JavaScript parsers
 * treat them as line ends). Files read by other programs use the plain form, so their bytes do not change.
 */
public final class JsonStrings {
  private JsonStrings() {}

  /** Appends {@code s} as a quoted JSON string. */
  public static void quote(StringBuilder sb, String s, boolean scriptSafe) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '/' -> sb.append(scriptSafe && i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
        default -> {
          boolean lineEnd = c == '\u2028' || c == '\u2029';
          if (c < 0x20 || (scriptSafe && lineEnd)) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
