package org.interestlab.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV text built row by row, the way every CSV file InterestLab writes looks: RFC 4180 with
 * {@code \n} line endings, a field enclosed in double quotes only when it holds a comma, a double
 * quote, CR or LF, and a double quote inside doubled. Nothing else is ever quoted, so ids, numbers
 * and plain words appear as they are and the shipped files stay byte for byte the same.
 *
 * <p>Apache Commons CSV does the printing; this class only decides which fields need quotes, because
 * Commons CSV's own "minimal" mode also quotes an empty first field, a field starting with a
 * character up to {@code #}, and a field ending in a space.
 *
 * <p>Values are written with {@link String#valueOf(Object)}: format numbers before passing them when
 * the default notation is not wanted. Cost: O(total characters).
 *
 * <pre>{@code
 * CsvText csv = CsvText.withHeader("user_id", "cluster");
 * csv.row("u1", 3).row("o'brien, k", -1);
 * dir.write("clusters.csv", csv.toString());   // user_id,cluster\nu1,3\n"o'brien, k",-1\n
 * }</pre>
 */
public final class CsvText {
  private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator('\n').get();
  private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setQuote(null).setRecordSeparator('\n').get();

  private final StringBuilder out;
  private final int columns;

  private CsvText(int columns, int capacity) {
    this.columns = columns;
    this.out = new StringBuilder(capacity);
  }

  /** A text that starts with the header row; every later row must have as many fields. */
  public static CsvText withHeader(String... columns) {
    return withHeader(List.of(columns));
  }

  /** The same, from a list of column names. */
  public static CsvText withHeader(List<String> columns) {
    return withHeader(columns, 256);
  }

  /** The same, with room reserved for {@code expectedChars} characters (large files avoid regrowing). */
  public static CsvText withHeader(List<String> columns, int expectedChars) {
    if (columns.isEmpty()) throw new IllegalArgumentException("a CSV header needs at least one column");
    CsvText t = new CsvText(columns.size(), Math.max(16, expectedChars));
    t.append(columns);
    return t;
  }

  /** Appends one row; each value is written as {@link String#valueOf(Object)} gives it. */
  public CsvText row(Object... values) {
    return row(List.of(values));
  }

  /** Appends one row from a list of values (none of them null). */
  public CsvText row(List<?> values) {
    if (values.size() != columns) {
      throw new IllegalArgumentException(values.size() + " values for a header of " + columns + " columns: " + values);
    }
    append(values);
    return this;
  }

  private void append(List<?> values) {
    try {
      for (int i = 0; i < values.size(); i++) {
        String s = String.valueOf(Objects.requireNonNull(values.get(i), "value " + i));
        (needsQuotes(s) ? QUOTED : PLAIN).print(s, out, i == 0);
      }
      QUOTED.println(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails to append
    }
  }

  /** RFC 4180: only a field holding a delimiter, a quote or a line break must be enclosed. */
  static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
    }
    return false;
  }

  /** The text written so far, header included. */
  @Override
  public String toString() {
    return out.toString();
  }

  /** The text as UTF-8 bytes (no byte-order mark). */
  public byte[] utf8() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }
}
