package org.interestlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the columns a figure needs from a Tablesaw table, whatever type Tablesaw inferred (a CSV's
 * integer column works where a double column is expected). A missing column is the caller's mistake:
 * an {@link IllegalArgumentException} that lists the columns the table has.
 */
final class TableColumns {
  private TableColumns() {}

  static Column<?> require(Table t, String name) {
    if (!t.columnNames().contains(name)) {
      throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + name + "' (it has " + t.columnNames() + ")");
    }
    return t.column(name);
  }

  static boolean has(Table t, String name) {
    return t.columnNames().contains(name);
  }

  static List<String> strings(Table t, String name) {
    Column<?> c = require(t, name);
    List<String> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) out.add(c.getString(i));
    return out;
  }

  /** The values as doubles; missing cells are NaN. */
  static double[] doubles(Table t, String name) {
    Column<?> c = require(t, name);
    if (!(c instanceof NumericColumn<?> n)) throw new IllegalArgumentException("column '" + name + "' of table '" + t.name() + "' is not numeric");
    double[] out = new double[c.size()];
    for (int i = 0; i < out.length; i++) out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
    return out;
  }

  /** The distinct values in first-seen order. */
  static List<String> distinct(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }
}
