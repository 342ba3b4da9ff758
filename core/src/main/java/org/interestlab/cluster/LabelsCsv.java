package org.interestlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;

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
  public static final List<String> HEADER = List.of("index", "label");

  private LabelsCsv() {}

  /** The file's text. Integers never need quoting, so rows are appended directly (one pass, no per-row objects). */
  public static String toCsv(int[] labels) {
    StringBuilder csv = new StringBuilder(16 + labels.length * 10).append(String.join(",", HEADER)).append('\n');
    for (int i = 0; i < labels.length; i++) csv.append(i).append(',').append(labels[i]).append('\n');
    return csv.toString();
  }

  public static void write(Path file, int[] labels) throws IOException {
    AtomicFiles.write(file, toCsv(labels).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a label file.
   *
   * @param expectedRows the number of points the labels belong to, or −1 for any
   * @param pointsSource names the points file in the row-count error
   */
  public static int[] read(Path file, int expectedRows, String pointsSource) {
    int[] out = new int[Math.max(16, expectedRows)];
    int n = 0;
    try (CsvTable t = CsvTable.open(file).requireHeader(HEADER)) {
      for (CsvRow r : t) {
        int index = r.getInt("index", "the row's position " + n + " (rows in order 0, 1, …)");
        if (index != n) throw r.invalid("index", n + " (rows in order 0, 1, …)");
        int label = r.getInt("label", "an integer, −1 (noise) or ≥ 0");
        if (label < -1) throw r.invalid("label", "−1 (noise) or an integer ≥ 0");
        if (n == out.length) out = Arrays.copyOf(out, 2 * n);
        out[n++] = label;
      }
    }
    if (expectedRows >= 0 && n != expectedRows) {
      throw new UserException(file + ": " + n + " labels but " + pointsSource + " has " + expectedRows + " points");
    }
    return Arrays.copyOf(out, n);
  }
}
