package org.interestlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.compute.Embeddings;

/** Reads test resources: CSV matrices and label files written by the reference scripts. */
public final class TestFiles {
  private TestFiles() {}

  public static List<String> lines(String resource) {
    try (InputStream in = TestFiles.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A comma-separated float matrix, one row per line. */
  public static Embeddings matrix(String resource) {
    List<float[]> rows = new ArrayList<>();
    for (String line : lines(resource)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split(",");
      float[] row = new float[parts.length];
      for (int i = 0; i < parts.length; i++) row[i] = Float.parseFloat(parts[i].trim());
      rows.add(row);
    }
    return Embeddings.of(rows.toArray(new float[0][]));
  }

  /** One integer per line, '#' lines skipped. */
  public static int[] ints(String resource) {
    return lines(resource).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).mapToInt(l -> Integer.parseInt(l.trim())).toArray();
  }
}
