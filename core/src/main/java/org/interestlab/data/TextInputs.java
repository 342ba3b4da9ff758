package org.interestlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;

/**
 * Texts to embed, read from a user's file: a plain text file holds one text per line (every line
 * counts, blank ones included, so row {@code i} of the output is line {@code i + 1}); a CSV file
 * (RFC 4180, header row, UTF-8, {@code .csv} or {@code .csv.gz}) gives one named column.
 *
 * <pre>{@code
 * List<String> texts = TextInputs.read(Path.of("reviews.csv"), "text");
 * }</pre>
 */
public final class TextInputs {
  private TextInputs() {}

  /**
   * @param column the CSV column to read; ignored for text files
   */
  public static List<String> read(Path file, String column) {
    if (!Files.isRegularFile(file)) throw new UserException(file + ": no such file");
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".csv.gz") ? csvColumn(file, column) : lines(file);
  }

  private static List<String> lines(Path file) {
    List<String> out = new ArrayList<>();
    try (java.io.BufferedReader r = DataFiles.open(file, java.nio.charset.StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) out.add(out.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
    } catch (java.io.IOException e) {
      throw new UserException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return out;
  }

  private static List<String> csvColumn(Path file, String column) {
    List<String> out = new ArrayList<>();
    try (CsvTable t = CsvTable.open(file)) {
      if (t.column(column) < 0) {
        throw new UserException(file + ": --column '" + column + "' is not in the header — allowed: " + String.join(", ", t.header()));
      }
      for (CsvRow r : t) out.add(r.get(column));
    }
    return out;
  }
}
