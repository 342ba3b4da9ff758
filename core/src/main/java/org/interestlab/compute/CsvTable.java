package org.interestlab.compute;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.interestlab.UserException;

/**
 * A CSV file (or string) with a header row, read record by record with Apache Commons CSV, every
 * record carrying the line on which it starts so that errors can name it.
 *
 * <p>What is read: RFC 4180 — fields separated by commas; a field in double quotes may hold commas,
 * doubled quotes and line breaks; lines end in {@code \n}, {@code \r\n} or {@code \r}. UTF-8 (a
 * byte-order mark is skipped; malformed bytes become U+FFFD rather than stopping a load over one
 * stray byte); a file whose name ends in {@code .gz} is decompressed. Blank lines are skipped. A
 * quote inside an unquoted field is kept as a character (as Python's {@code csv} module does).
 *
 * <p>What is an error ({@link UserException}, naming the source and line): an empty file; a header
 * other than the one required; a record with more or fewer fields than the header; a quoted field
 * that is never closed; a character other than a comma or line end after a closing quote; a corrupt
 * {@code .gz} file. Field values are checked by the caller through {@link CsvRow}.
 *
 * <p>Records are streamed: memory is O(longest record), time O(characters). A table is read once.
 *
 * <pre>{@code
 * try (CsvTable t = CsvTable.open(Path.of("ratings.csv")).requireHeader(List.of("userId", "movieId", "rating", "timestamp"))) {
 *   for (CsvRow r : t) ratings.add(r.get("userId"), r.get("movieId"), r.getDouble("rating", "a number"));
 * }
 * List<CsvRow> rows = CsvTable.read(Path.of("users.csv"), List.of("user_id"));   // whole file, closed
 * }</pre>
 */
public final class CsvTable implements Iterable<CsvRow>, AutoCloseable {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final String source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private boolean iterated;

  private CsvTable(String source, Reader reader) {
    this.source = source;
    try {
      this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (IOException e) {
      throw failure(e, 1); // the parser reads nothing on creation; kept for the checked exception
    }
    this.records = parser.iterator();
    CSVRecord first = next(1);
    if (first == null) {
      close();
      throw new UserException(source + ": line 1: expected a header row, got an empty file");
    }
    this.header = first.toList();
    for (int i = header.size() - 1; i >= 0; i--) columns.put(header.get(i), i);
  }

  /**
   * Opens a UTF-8 CSV file ({@code .gz}: decompressed) and reads its header row. Close it (or use
   * {@link #read}) when done.
   */
  public static CsvTable open(Path file) {
    InputStream in = null;
    try {
      in = Files.newInputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
      return new CsvTable(file.toAbsolutePath().toString(), withoutByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)));
    } catch (NoSuchFileException e) {
      throw new UserException(file.toAbsolutePath() + ": no such file");
    } catch (ZipException | EOFException e) {
      closeQuietly(in);
      throw corrupt(file.toAbsolutePath().toString(), e);
    } catch (IOException e) {
      closeQuietly(in);
      throw new UserException(file.toAbsolutePath() + ": cannot be read (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /** Reads CSV text; {@code source} names it in error messages (e.g. a file name or "config"). */
  public static CsvTable of(String source, String text) {
    return new CsvTable(source, new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
  }

  /** Reads a whole file whose header must be {@code expectedHeader}; the file is closed afterwards. */
  public static List<CsvRow> read(Path file, List<String> expectedHeader) {
    try (CsvTable t = open(file)) {
      return t.requireHeader(expectedHeader).rows();
    }
  }

  /** Where the records come from, as error messages name it. */
  public String source() {
    return source;
  }

  /** The header row, byte-order mark removed. */
  public List<String> header() {
    return header;
  }

  /** The position of {@code column} in the header, or −1. */
  public int column(String column) {
    return columns.getOrDefault(column, -1);
  }

  int index(String column) {
    Integer i = columns.get(column);
    if (i == null) throw new IllegalArgumentException("no column '" + column + "' in the header of " + source + ": " + header);
    return i;
  }

  /** This table, if its header is exactly {@code expected}; otherwise an error showing both. */
  public CsvTable requireHeader(List<String> expected) {
    if (!header.equals(expected)) {
      close();
      throw new UserException(source + ": line 1: header is '" + CsvRow.shown(String.join(",", header)) + "' — expected '"
          + String.join(",", expected) + "'");
    }
    return this;
  }

  /** The remaining records, read into memory. */
  public List<CsvRow> rows() {
    List<CsvRow> out = new ArrayList<>();
    for (CsvRow r : this) out.add(r);
    return out;
  }

  /** The records after the header, in file order; blank lines skipped. Can be called once. */
  @Override
  public Iterator<CsvRow> iterator() {
    if (iterated) throw new IllegalStateException(source + " is read already");
    iterated = true;
    return new Iterator<>() {
      private CsvRow ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) ahead = advance();
        return ahead != null;
      }

      @Override
      public CsvRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        CsvRow r = ahead;
        ahead = null;
        return r;
      }
    };
  }

  private CsvRow advance() {
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord r = next(line);
      if (r == null) return null;
      if (r.size() == 0 || r.size() == 1 && r.get(0).isEmpty()) continue; // a blank line
      if (r.size() != header.size()) {
        throw new UserException(source + ": line " + line + ": expected " + header.size() + " fields as in the header ("
            + CsvRow.shown(String.join(",", header)) + "), got " + r.size());
      }
      return new CsvRow(this, r, line);
    }
  }

  /** The next record, or null at the end; {@code line} is where it starts, for errors. */
  private CSVRecord next(long line) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw failure(e.getCause(), line);
    }
  }

  private UserException failure(IOException e, long line) {
    close();
    if (e instanceof ZipException || e instanceof EOFException) return corrupt(source, e);
    String m = String.valueOf(e.getMessage());
    if (m.contains("EOF reached before encapsulated token finished")) {
      return new UserException(source + ": line " + line + ": a quoted field starts in this record and is never closed"
          + " — expected a closing quote (write a quote inside a quoted field as \"\")");
    }
    if (m.contains("Invalid character between encapsulated token and delimiter")) {
      return new UserException(source + ": line " + line + ": text after a closing quote — expected a comma or a line end"
          + " (write a quote inside a quoted field as \"\")");
    }
    return new UserException(source + ": line " + line + ": cannot be read as CSV (" + m + ")", e);
  }

  private static UserException corrupt(String source, IOException e) {
    return new UserException(source + ": truncated or corrupt compressed file (" + e.getMessage() + "); delete it and fetch it again");
  }

  private static Reader withoutByteOrderMark(BufferedReader r) throws IOException {
    r.mark(1);
    if (r.read() != '\uFEFF') r.reset();
    return r;
  }

  private static void closeQuietly(InputStream in) {
    try {
      if (in != null) in.close();
    } catch (IOException ignored) {
      // Already failing with a clearer error.
    }
  }

  @Override
  public void close() {
    try {
      if (parser != null) parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + source, e);
    }
  }
}
