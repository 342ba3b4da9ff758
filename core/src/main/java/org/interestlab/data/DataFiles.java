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
 * Line and CSV reading shared by the loaders, with the error messages users need: which file,
 * which line, what was expected. Package-private: loaders are the public surface.
 */
final class DataFiles {
  private DataFiles() {}

  /** Receives one line (without its terminator) and its 1-based number. */
  @FunctionalInterface
  interface LineHandler {
    void accept(String line, long lineNumber);
  }

  /** Receives one CSV record and the 1-based line number where it starts. */
  @FunctionalInterface
  interface RecordHandler {
    void accept(List<String> fields, long lineNumber);
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

  /**
   * Reads an RFC 4180 CSV file: fields separated by commas, fields containing commas, quotes or line
   * breaks enclosed in double quotes, a quote inside a quoted field doubled. With {@code header} the
   * first record must equal {@code expectedHeader} (after trimming a UTF-8 byte-order mark).
   */
  static void forEachCsvRecord(Path file, List<String> expectedHeader, RecordHandler handler) {
    forEachCsvRecord(file, header -> {
      if (!header.equals(expectedHeader)) {
        throw malformed(file, 1, "header " + String.join(",", expectedHeader), String.join(",", header));
      }
    }, handler);
  }

  /** The same, with the header row (byte-order mark removed) given to {@code headerCheck} first. */
  static void forEachCsvRecord(Path file, java.util.function.Consumer<List<String>> headerCheck, RecordHandler handler) {
    try (BufferedReader r = open(file, java.nio.charset.StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(file, r);
      List<String> header = csv.next();
      if (header == null) throw malformed(file, 1, "a header row", "an empty file");
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1));
      headerCheck.accept(header);
      List<String> rec;
      while ((rec = csv.next()) != null) {
        if (rec.size() == 1 && rec.get(0).isEmpty()) continue; // blank line
        handler.accept(rec, csv.recordLine);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw corrupt(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** A small RFC 4180 reader; tracks the line where each record starts for error messages. */
  private static final class CsvReader {
    private final Path file;
    private final BufferedReader in;
    private long line = 0;
    long recordLine;

    CsvReader(Path file, BufferedReader in) {
      this.file = file;
      this.in = in;
    }

    List<String> next() throws IOException {
      String text = in.readLine();
      if (text == null) return null;
      line++;
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int i = 0;
      while (true) {
        if (i < text.length() && text.charAt(i) == '"' && field.length() == 0) {
          // Quoted field: runs until a lone quote, possibly across line breaks.
          i++;
          while (true) {
            if (i >= text.length()) {
              String more = in.readLine();
              if (more == null) throw malformed(file, recordLine, "a closing quote", "end of file");
              line++;
              field.append('\n');
              text = more;
              i = 0;
              continue;
            }
            char c = text.charAt(i);
            if (c == '"') {
              if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
              } else {
                i++;
                break;
              }
            } else {
              field.append(c);
              i++;
            }
          }
          if (i < text.length() && text.charAt(i) != ',') {
            throw malformed(file, line, "a comma after a closing quote", "'" + text.charAt(i) + "'");
          }
        } else {
          int comma = text.indexOf(',', i);
          int end = comma < 0 ? text.length() : comma;
          String raw = text.substring(i, end);
          if (raw.indexOf('"') >= 0) {
            throw malformed(file, line, "a quote only at the start of a quoted field", raw);
          }
          field.append(raw);
          i = end;
        }
        fields.add(field.toString());
        field.setLength(0);
        if (i >= text.length()) return fields;
        i++; // skip the comma
        if (i == text.length()) {
          fields.add("");
          return fields;
        }
      }
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

  static String requireNonEmpty(Path file, long line, String value, String what) {
    if (value.isEmpty()) throw malformed(file, line, "a non-empty " + what, "an empty field");
    return value;
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
