package org.interestlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell split into Java code and line magics ({@code %name args} at the start of a line, as in
 * IJava), in order, so that a magic takes effect for the code below it in the same cell.
 */
record CellSource(List<Part> parts) {
  private static final Pattern MAGIC = Pattern.compile("^%(\\S*)[ \\t]*(.*?)\\s*$");

  sealed interface Part permits Code, Magic {}

  record Code(String source) implements Part {}

  record Magic(String name, String args, int line) implements Part {}

  static CellSource parse(String cell) {
    List<Part> parts = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    String[] lines = cell.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MAGIC.matcher(lines[i]);
      if (m.matches()) {
        if (!code.toString().isBlank()) parts.add(new Code(code.toString()));
        code.setLength(0);
        parts.add(new Magic(m.group(1), m.group(2), i + 1));
        // Keep line numbers of later code equal to the cell's, for compile error positions.
        code.append('\n');
      } else {
        code.append(lines[i]);
        if (i < lines.length - 1) code.append('\n');
      }
    }
    if (!code.toString().isBlank()) parts.add(new Code(code.toString()));
    return new CellSource(List.copyOf(parts));
  }

  boolean hasMagic() {
    return parts.stream().anyMatch(p -> p instanceof Magic);
  }
}
