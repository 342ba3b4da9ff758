package org.interestlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.interestlab.UserException;

/**
 * Line-by-line reading of the loaders' non-CSV files (MovieLens {@code ::}, {@code |} and tab
 * separated files, JSON lines), with the error messages users need: which file, which line, what was
 * expected. CSV files are read with {@link org.interestlab.compute.CsvTable}. Package-private:
 * loaders are the public surface.
 */
final class DataFiles {
  private DataFiles() {}

  /** Receives one line (without its terminator) and its 1-based number. */
  @FunctionalInterface
  interface LineHandler {
    void accept(String line, long lineNumber);
  }

  /** The file, or a {@link DatasetUnavailableException} naming the expected path. */
  static Path require(Path folder, String dataset, String fileName) {
    Path p = folder.resolve(fileName);
    if (!Files.isRegularFile(p)) {
      throw new DatasetUnavailableException("dataset " + dataset + ": missing file " + p.toAbsolutePath()
          + " (expected the original " + fileName + " in " + folder.toAbsolutePath() + ")");
    }
    return p;
  }

  static BufferedReader open(Path file, Charset charset) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      throw new UserException(file.toAbsolutePath() + ": not a gzip file (" + e.getMessage() + ")", e);
    }
    // Malformed bytes are replaced rather than fatal: a stray byte in one review must not stop a load.
    return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
  }

  /** Calls {@code handler} for every non-blank line. */
  static void forEachLine(Path file, Charset charset, LineHandler handler) {
    try (BufferedReader r = open(file, charset)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) handler.accept(line, n);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw corrupt(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Splits on a literal separator, keeping empty fields (unlike {@link String#split}). */
  static List<String> split(String line, String sep) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = line.indexOf(sep, from);
      if (at < 0) {
        out.add(line.substring(from));
        return out;
      }
      out.add(line.substring(from, at));
      from = at + sep.length();
    }
  }

  private static UserException corrupt(Path file, IOException e) {
    return new UserException(file.toAbsolutePath() + ": truncated or corrupt compressed file (" + e.getMessage()
        + "); delete it and fetch it again");
  }

  static UserException malformed(Path file, long line, String expected, String got) {
    String shown = got.length() > 120 ? got.substring(0, 117) + "..." : got;
    return new UserException(file.toAbsolutePath() + " line " + line + ": expected " + expected + ", got "
        + shown.replace('\n', ' ').replace('\r', ' '));
  }

  static void expectFields(Path file, long line, List<String> fields, int n, String layout) {
    if (fields.size() != n) {
      throw malformed(file, line, n + " fields (" + layout + ")", fields.size() + " fields");
    }
  }

  static double parseRating(Path file, long line, String s) {
    try {
      double v = Double.parseDouble(s.trim());
      if (!Double.isFinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw malformed(file, line, "a numeric rating", "'" + s + "'");
    }
  }

  static long parseTimestamp(Path file, long line, String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw malformed(file, line, "an integer Unix timestamp (seconds)", "'" + s + "'");
    }
  }

  static String parseId(Path file, long line, String s, String what) {
    String t = s.trim();
    if (t.isEmpty()) throw malformed(file, line, "a " + what, "an empty field");
    return t;
  }
}
