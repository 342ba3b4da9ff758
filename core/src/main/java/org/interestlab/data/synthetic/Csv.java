package org.interestlab.data.synthetic;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.data.DatasetUnavailableException;

/**
 * RFC 4180 CSV with {@code \n} line endings: a field is quoted only when it holds a comma, a quote,
 * CR or LF, and quotes inside are doubled. The reader also accepts {@code \r\n} so a file edited on
 * another system still loads.
 */
final class Csv {
  private Csv() {}

  /** Appends one record and its line ending. */
  static void appendRow(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) out.append(',');
      appendField(out, fields[i]);
    }
    out.append('\n');
  }

  private static void appendField(StringBuilder out, String field) {
    boolean quote = false;
    for (int i = 0; i < field.length() && !quote; i++) {
      char c = field.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') out.append('"');
      out.append(c);
    }
    out.append('"');
  }

  /** A parsed record with the 1-based line on which it starts, for error messages. */
  record Row(int line, List<String> fields) {
    String get(int i) {
      return fields.get(i);
    }
  }

  /**
   * Reads a whole file and checks its header. Returns the records after the header, each with
   * exactly as many fields as the header.
   */
  static List<Row> read(Path file, List<String> expectedHeader) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new DatasetUnavailableException(file + " is missing");
    } catch (CharacterCodingException e) {
      throw new UserException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<Row> rows = parse(file, text);
    if (rows.isEmpty() || !rows.get(0).fields().equals(expectedHeader)) {
      throw new UserException(file + ":1: header must be " + String.join(",", expectedHeader)
          + (rows.isEmpty() ? " but the file is empty" : " but is " + String.join(",", rows.get(0).fields())));
    }
    List<Row> body = rows.subList(1, rows.size());
    for (Row r : body) {
      if (r.fields().size() != expectedHeader.size()) {
        throw new UserException(file + ":" + r.line() + ": expected " + expectedHeader.size()
            + " fields but found " + r.fields().size());
      }
    }
    return body;
  }

  static List<Row> parse(Path file, String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowStart = 1;
    int i = 0;
    int n = text.length();
    boolean atRowStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (atRowStart) {
        rowStart = line;
        atRowStart = false;
      }
      if (c == '"' && field.length() == 0) {
        // Quoted field: runs to the closing quote that is not doubled.
        int openLine = line;
        i++;
        while (true) {
          if (i >= n) throw new UserException(file + ":" + openLine + ": unterminated quoted field");
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') line++;
          field.append(q);
          i++;
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          throw new UserException(file + ":" + line + ": unexpected character after a closing quote");
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\n' || c == '\r') {
        fields.add(field.toString());
        field.setLength(0);
        rows.add(new Row(rowStart, List.copyOf(fields)));
        fields.clear();
        i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
        line++;
        atRowStart = true;
      } else {
        if (c == '"') throw new UserException(file + ":" + line + ": quote inside an unquoted field");
        field.append(c);
        i++;
      }
    }
    if (!atRowStart) {
      fields.add(field.toString());
      rows.add(new Row(rowStart, List.copyOf(fields)));
    }
    return rows;
  }
}
