package org.interestlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.interestlab.UserException;

/**
 * Cluster labels as CSV: a header {@code index,label}, then one row per point in order,
 * {@code index} = 0, 1, …, n − 1 (the row of the point in the vectors file) and {@code label} an
 * integer (−1 = noise). Written to a temporary file renamed into place.
 *
 * <pre>
 * index,label
 * 0,3
 * 1,-1
 * </pre>
 */
public final class LabelsCsv {
  public static final String HEADER = "index,label";

  private LabelsCsv() {}

  public static String toCsv(int[] labels) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < labels.length; i++) sb.append(i).append(',').append(labels[i]).append('\n');
    return sb.toString();
  }

  public static void write(Path file, int[] labels) throws IOException {
    org.interestlab.compute.AtomicFiles.write(file, toCsv(labels).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a label file.
   *
   * @param expectedRows the number of points the labels belong to, or −1 for any
   * @param pointsSource names the points file in the row-count error
   */
  public static int[] read(Path file, int expectedRows, String pointsSource) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such label file");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
      String got = lines.isEmpty() ? "an empty file" : "'" + lines.get(0).strip() + "'";
      throw new UserException(file + ": line 1: header is " + got + " — expected '" + HEADER + "'");
    }
    int n = 0;
    int[] out = new int[Math.max(0, lines.size() - 1)];
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      String[] parts = line.split(",", -1);
      if (parts.length != 2) {
        throw new UserException(file + ": line " + (i + 1) + ": '" + line + "' — expected two values: index,label");
      }
      int index = parse(file, i + 1, "index", parts[0]);
      if (index != n) {
        throw new UserException(file + ": line " + (i + 1) + ": index " + index + " — expected " + n + " (rows in order 0, 1, …)");
      }
      int label = parse(file, i + 1, "label", parts[1]);
      if (label < -1) throw new UserException(file + ": line " + (i + 1) + ": label " + label + " — allowed: −1 (noise) or ≥ 0");
      out[n++] = label;
    }
    if (expectedRows >= 0 && n != expectedRows) {
      throw new UserException(file + ": " + n + " labels but " + pointsSource + " has " + expectedRows + " points");
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static int parse(Path file, int line, String what, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new UserException(file + ": line " + line + ": " + what + " '" + text.strip() + "' is not an integer");
    }
  }
}
