package org.interestlab.encode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
import org.interestlab.compute.CsvText;
import org.interestlab.compute.Embeddings;

/**
 * {@link Embeddings} as CSV, for spreadsheets and tools without a {@code .npy} reader: a header
 * {@code id,d0,d1,…}, then one row per vector, values in Java's shortest round-trip float notation
 * (so reading gives back the same float32 bits). Ids are quoted as RFC 4180 says when they hold a
 * comma, a quote or a line break ({@link CsvText}).
 *
 * <pre>{@code
 * EmbeddingsCsv.write(Path.of("users.csv"), userIds, vectors);   // pandas.read_csv("users.csv", index_col="id")
 * }</pre>
 */
public final class EmbeddingsCsv {
  private EmbeddingsCsv() {}

  public static void write(Path file, List<String> ids, Embeddings e) throws IOException {
    if (ids.size() != e.rows()) throw new IllegalArgumentException(ids.size() + " ids for " + e.rows() + " rows");
    List<String> header = new ArrayList<>(e.dim() + 1);
    header.add("id");
    for (int j = 0; j < e.dim(); j++) header.add("d" + j);
    CsvText csv = CsvText.withHeader(header, (e.rows() + 1) * (8 + 12 * e.dim()));
    List<Object> row = new ArrayList<>(e.dim() + 1);
    for (int i = 0; i < e.rows(); i++) {
      row.clear();
      row.add(ids.get(i));
      for (int j = 0; j < e.dim(); j++) row.add(e.get(i, j));
      csv.row(row);
    }
    AtomicFiles.write(file, csv.utf8());
  }

  /**
   * Reads a file written by {@link #write} (or any CSV whose first column is {@code id} and whose
   * other columns are numbers); ids go to {@code idsOut} when it is not null.
   */
  public static Embeddings read(Path file, List<String> idsOut) throws IOException {
    try (CsvTable t = CsvTable.open(file)) {
      if (!t.header().get(0).equals("id") || t.header().size() < 2) {
        throw new UserException(file.toAbsolutePath() + ": line 1: header is '" + String.join(",", t.header())
            + "' — expected 'id,d0,d1,…' (an id column, then one column per dimension)");
      }
      int dim = t.header().size() - 1;
      List<float[]> rows = new ArrayList<>();
      for (CsvRow r : t) {
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) v[j] = r.getFloat(j + 1, "a finite number");
        rows.add(v);
        if (idsOut != null) idsOut.add(r.get(0));
      }
      float[] data = new float[rows.size() * dim];
      for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * dim, dim);
      return new Embeddings(rows.size(), dim, data);
    }
  }
}
