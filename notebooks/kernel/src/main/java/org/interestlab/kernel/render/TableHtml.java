package org.interestlab.kernel.render;

import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as an HTML table. Long tables show their first and last {@value #EDGE} rows with a
 * marker row between, so a million-row table does not become a million-row output.
 */
final class TableHtml {
  static final int EDGE = 30;

  private TableHtml() {}

  static String of(Table t) {
    int rows = t.rowCount();
    int cols = t.columnCount();
    StringBuilder sb = new StringBuilder(256 + rows * cols * 16);
    sb.append("<div class=\"interestlab-table\"><table>");
    if (t.name() != null && !t.name().isBlank()) sb.append("<caption>").append(escape(t.name())).append("</caption>");
    sb.append("<thead><tr>");
    for (String name : t.columnNames()) sb.append("<th>").append(escape(name)).append("</th>");
    sb.append("</tr></thead><tbody>");
    boolean cut = rows > 2 * EDGE;
    for (int r = 0; r < rows; r++) {
      if (cut && r == EDGE) {
        sb.append("<tr><td colspan=\"").append(cols).append("\">… ").append(rows - 2 * EDGE).append(" more rows …</td></tr>");
        r = rows - EDGE;
      }
      sb.append("<tr>");
      for (int c = 0; c < cols; c++) sb.append("<td>").append(escape(t.getString(r, c))).append("</td>");
      sb.append("</tr>");
    }
    sb.append("</tbody></table><p>").append(rows).append(rows == 1 ? " row" : " rows").append(" × ")
        .append(cols).append(cols == 1 ? " column" : " columns").append("</p></div>");
    return sb.toString();
  }

  static String plain(Table t) {
    return t.printAll().length() < 20_000 ? t.printAll() : t.print();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
