package org.interestlab.compute;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.interestlab.UserException;

/**
 * One record of a {@link CsvTable}: its fields, read by column name or position, the line on which it
 * starts, and errors that name the file, that line, the column and what is allowed. The typed getters
 * ignore surrounding spaces.
 *
 * <pre>{@code
 * long ts = row.getLong("timestamp", "an integer Unix timestamp (seconds)");
 * if (!users.contains(row.get("user_id"))) throw row.error("user_id", "not in users.csv");
 * }</pre>
 */
public final class CsvRow {
  private static final int SHOWN = 120;

  private final CsvTable table;
  private final CSVRecord record;
  private final long line;

  CsvRow(CsvTable table, CSVRecord record, long line) {
    this.table = table;
    this.record = record;
    this.line = line;
  }

  /** The 1-based line on which this record starts (a quoted field may continue on later lines). */
  public long line() {
    return line;
  }

  /** The number of fields; always the header's width. */
  public int size() {
    return record.size();
  }

  /** The field at {@code index} (0-based), exactly as written after unquoting. */
  public String get(int index) {
    return record.get(index);
  }

  /** The field under the header column {@code column}, exactly as written after unquoting. */
  public String get(String column) {
    return record.get(table.index(column));
  }

  /** All fields, in header order. */
  public List<String> values() {
    return record.toList();
  }

  /** The field as an {@code int}, or an error naming {@code allowed}. */
  public int getInt(String column, String allowed) {
    try {
      return Integer.parseInt(get(column).strip());
    } catch (NumberFormatException e) {
      throw invalid(column, allowed);
    }
  }

  /** The field as a {@code long}, or an error naming {@code allowed}. */
  public long getLong(String column, String allowed) {
    try {
      return Long.parseLong(get(column).strip());
    } catch (NumberFormatException e) {
      throw invalid(column, allowed);
    }
  }

  /** The field as a finite {@code double}, or an error naming {@code allowed}. */
  public double getDouble(String column, String allowed) {
    return finite(table.index(column), allowed);
  }

  /** The field at {@code index} as a finite {@code float}, or an error naming {@code allowed}. */
  public float getFloat(int index, String allowed) {
    try {
      float v = Float.parseFloat(get(index).strip());
      if (!Float.isFinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw invalid(table.header().get(index), allowed);
    }
  }

  private double finite(int index, String allowed) {
    try {
      double v = Double.parseDouble(get(index).strip());
      if (!Double.isFinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw invalid(table.header().get(index), allowed);
    }
  }

  /** "FILE: line N, column C: 'VALUE' — allowed: ALLOWED". */
  public UserException invalid(String column, String allowed) {
    return error(column, "'" + shown(get(column)) + "' — allowed: " + allowed);
  }

  /** "FILE: line N, column C: PROBLEM". */
  public UserException error(String column, String problem) {
    table.index(column); // a column the header lacks is a bug in the caller
    return new UserException(table.source() + ": line " + line + ", column " + column + ": " + problem);
  }

  /** "FILE: line N: PROBLEM", for a problem of the whole record. */
  public UserException error(String problem) {
    return new UserException(table.source() + ": line " + line + ": " + problem);
  }

  /** A field value as an error message shows it: one line, at most 120 characters. */
  static String shown(String value) {
    String s = value.length() > SHOWN ? value.substring(0, SHOWN - 3) + "..." : value;
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public String toString() {
    return table.source() + ":" + line + " " + values();
  }
}
