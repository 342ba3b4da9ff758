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
    // Malformed bytes are replaced rather than fatal: a stray byte in one review must not stop a load.
    return new BufferedReader(new InputStreamReader(openBytes(file), charset), 1 << 16);
  }

  /** The file's bytes, unpacked when its name ends in {@code .gz}. */
  private static InputStream openBytes(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      // An empty file ends before the gzip header: EOFException without a message.
      String why = e instanceof java.io.EOFException ? "the file is empty or shorter than a gzip header" : e.getMessage();
      throw new UserException(file.toAbsolutePath() + ": not a gzip file (" + why + "); delete it and fetch it again", e);
    }
    return in;
  }

  /**
   * Calls {@code handler} for every non-blank line. A last line without a line end is a truncated
   * record (a download or copy cut short): {@link UserException} naming the file and line, even when
   * the handler accepted its fields (a cut timestamp is still a number).
   */
  static void forEachLine(Path file, Charset charset, LineHandler handler) {
    LastByte last;
    try (InputStream bytes = openBytes(file)) {
      last = new LastByte(bytes);
      // Malformed bytes are replaced rather than fatal: a stray byte in one review must not stop a load.
      BufferedReader r = new BufferedReader(new InputStreamReader(last, charset), 1 << 16);
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) handler.accept(line, n);
      }
      if (n > 0 && last.value != '\n' && last.value != '\r') throw truncated(file, n);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw corrupt(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a plain (uncompressed) file ends with a line end, for files read by {@link
   * org.interestlab.compute.CsvTable}; {@code lastLine} is the number of the last record's line.
   */
  static void requireLineEnd(Path file, long lastLine) {
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size == 0) return;
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
      ch.position(size - 1).read(b);
      byte c = b.get(0);
      if (c != '\n' && c != '\r') throw truncated(file, lastLine);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static UserException truncated(Path file, long line) {
    return new UserException(file.toAbsolutePath() + " line " + line
        + ": the last line has no line end, so the file was cut short mid-record (truncated); fetch it again");
  }

  /** Remembers the last byte that passed through (the file's last byte once the reader hits the end). */
  private static final class LastByte extends java.io.FilterInputStream {
    int value = -1;

    LastByte(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) value = b;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) value = buf[off + n - 1] & 0xff;
      return n;
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

  /** A MovieLens id: digits only (all MovieLens user and movie ids are positive integers). */
  static String parseNumericId(Path file, long line, String s, String what) {
    String t = parseId(file, line, s, what);
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') throw malformed(file, line, "a numeric " + what, "'" + t + "'");
    }
    return t;
  }
}
