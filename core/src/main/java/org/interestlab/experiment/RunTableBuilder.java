package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds one Tablesaw table from rows of several runs whose columns may differ: the columns are the
 * union in first-seen order; text columns are named up front, every other column is numeric. A cell a
 * row lacks is missing (NaN, or "" for text). Explicit types keep ids such as MovieLens's numeric user
 * ids text in every run, so tables of different runs always concatenate.
 */
final class RunTableBuilder {
  private final String name;
  private final Set<String> textColumns;
  private final Map<String, List<Object>> columns = new LinkedHashMap<>();
  private int rows;

  RunTableBuilder(String name, Set<String> textColumns) {
    this.name = name;
    this.textColumns = textColumns;
  }

  /** Declares a column now, so it comes before columns first seen later. */
  RunTableBuilder column(String column) {
    columns.computeIfAbsent(column, k -> filled(rows));
    return this;
  }

  /** Adds a row: column → value (String for text columns; Number or numeric text for the others). */
  void add(Map<String, ?> row) {
    for (String c : row.keySet()) column(c);
    for (Map.Entry<String, List<Object>> e : columns.entrySet()) e.getValue().add(row.get(e.getKey()));
    rows++;
  }

  Table build() {
    List<Column<?>> out = new ArrayList<>();
    for (Map.Entry<String, List<Object>> e : columns.entrySet()) {
      List<Object> v = e.getValue();
      if (textColumns.contains(e.getKey())) {
        StringColumn c = StringColumn.create(e.getKey());
        for (Object o : v) c.append(o == null ? "" : o.toString());
        out.add(c);
      } else {
        DoubleColumn c = DoubleColumn.create(e.getKey());
        for (Object o : v) c.append(number(o));
        out.add(c);
      }
    }
    return Table.create(name, out);
  }

  private static double number(Object o) {
    if (o instanceof Number n) return n.doubleValue();
    if (o == null || o.toString().isBlank()) return Double.NaN;
    try {
      return Double.parseDouble(o.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<Object> filled(int n) {
    List<Object> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) l.add(null);
    return l;
  }
}
