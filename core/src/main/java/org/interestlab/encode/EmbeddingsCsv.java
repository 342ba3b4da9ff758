package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;

/**
 * {@link Embeddings} as CSV, for spreadsheets and tools without a {@code .npy} reader: a header
 * {@code id,d0,d1,…}, then one row per vector, values in Java's shortest round-trip float notation
 * (so reading gives back the same float32 bits). Ids containing a comma or quote are quoted as
 * RFC 4180 says; ids with line breaks are refused.
 *
 * <pre>{@code
 * EmbeddingsCsv.write(Path.of("users.csv"), userIds, vectors);   // pandas.read_csv("users.csv", index_col="id")
 * }</pre>
 */
public final class EmbeddingsCsv {
  private EmbeddingsCsv() {}

  public static void write(Path file, List<String> ids, Embeddings e) throws IOException {
    if (ids.size() != e.rows()) throw new IllegalArgumentException(ids.size() + " ids for " + e.rows() + " rows");
    StringBuilder sb = new StringBuilder("id");
    for (int j = 0; j < e.dim(); j++) sb.append(",d").append(j);
    sb.append('\n');
    for (int i = 0; i < e.rows(); i++) {
      String id = ids.get(i);
      if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) throw new IllegalArgumentException("id " + i + " contains a line break");
      sb.append(quote(id));
      for (int j = 0; j < e.dim(); j++) sb.append(',').append(e.get(i, j));
      sb.append('\n');
    }
    org.interestlab.compute.AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a file written by {@link #write}; ids go to {@code idsOut} when it is not null. */
  public static Embeddings read(Path file, List<String> idsOut) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("id")) throw new UserException(file + ": expected a header 'id,d0,d1,…'");
    int dim = lines.get(0).split(",", -1).length - 1;
    List<float[]> rows = new ArrayList<>();
    for (int li = 1; li < lines.size(); li++) {
      String line = lines.get(li);
      if (line.isEmpty()) continue;
      int cut = idEnd(line);
      String[] parts = line.substring(cut + 1).split(",", -1);
      if (parts.length != dim) throw new UserException(file + ": line " + (li + 1) + " has " + parts.length + " values, header says " + dim);
      float[] r = new float[dim];
      for (int j = 0; j < dim; j++) r[j] = Float.parseFloat(parts[j]);
      rows.add(r);
      if (idsOut != null) idsOut.add(unquote(line.substring(0, cut)));
    }
    float[] data = new float[rows.size() * dim];
    for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * dim, dim);
    return new Embeddings(rows.size(), dim, data);
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static int idEnd(String line) {
    if (!line.startsWith("\"")) return line.indexOf(',');
    int i = 1;
    while (i < line.length()) {
      if (line.charAt(i) == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') i += 2;
        else return i + 1;
      } else {
        i++;
      }
    }
    return line.length();
  }

  private static String unquote(String s) {
    return s.startsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
  }
}
