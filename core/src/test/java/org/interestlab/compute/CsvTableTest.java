package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV: RFC 4180 quoting, line numbers of records, and the errors a user's file can cause. */
class CsvTableTest {
  @TempDir Path tmp;

  private static List<List<String>> values(CsvTable t) {
    return t.rows().stream().map(CsvRow::values).toList();
  }

  @Test
  void readsQuotedCommasQuotesAndLineBreaksAndNumbersRecordsByTheirFirstLine() {
    String text = "id,text,n\n"
        + "plain,\"a,b\",1\n"
        + "\"say \"\"hi\"\"\",\"two\nlines\",2\n"
        + "\n"
        + "last,,3";
    try (CsvTable t = CsvTable.of("x.csv", text)) {
      assertThat(t.header()).containsExactly("id", "text", "n");
      List<CsvRow> rows = t.rows();
      assertThat(rows).extracting(CsvRow::values).containsExactly(
          List.of("plain", "a,b", "1"), List.of("say \"hi\"", "two\nlines", "2"), List.of("last", "", "3"));
      assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 6L); // line 5 is blank
      assertThat(rows.get(1).get("text")).isEqualTo("two\nlines");
      assertThat(rows.get(2).getInt("n", "an integer")).isEqualTo(3);
    }
  }

  @Test
  void acceptsCrLfAndBareCrLineEndsAndUtf8() {
    try (CsvTable t = CsvTable.of("x.csv", "a,b\r\nü,\"用户,一\"\r\nc,d\re,f\r\n")) {
      List<CsvRow> rows = t.rows();
      assertThat(rows).extracting(CsvRow::values).containsExactly(List.of("ü", "用户,一"), List.of("c", "d"), List.of("e", "f"));
      assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void skipsAByteOrderMarkInFilesAndStrings() throws IOException {
    Path f = tmp.resolve("bom.csv");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "\"id\",v\nx,1\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(f, all);
    assertThat(CsvTable.read(f, List.of("id", "v"))).extracting(CsvRow::values).containsExactly(List.of("x", "1"));
    try (CsvTable t = CsvTable.of("s", "\uFEFFid\nx\n")) {
      assertThat(t.header()).containsExactly("id");
    }
  }

  @Test
  void readsGzipByFileNameAndNamesACorruptOne() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("id,text\n1,\"a, b\"\n".getBytes(StandardCharsets.UTF_8));
    }
    Path f = tmp.resolve("t.csv.gz");
    Files.write(f, bytes.toByteArray());
    assertThat(CsvTable.read(f, List.of("id", "text"))).extracting(CsvRow::values).containsExactly(List.of("1", "a, b"));
    Files.write(f, Arrays.copyOf(bytes.toByteArray(), bytes.size() - 12));
    assertThatThrownBy(() -> CsvTable.read(f, List.of("id", "text"))).isInstanceOf(UserException.class)
        .hasMessageContaining(f.toAbsolutePath().toString()).hasMessageContaining("truncated or corrupt compressed file");
  }

  @Test
  void keepsAQuoteInsideAnUnquotedFieldAsPythonsCsvDoes() {
    try (CsvTable t = CsvTable.of("x.csv", "a,b\nc,d\"e\n")) {
      assertThat(values(t)).containsExactly(List.of("c", "d\"e"));
    }
  }

  @Test
  void anUnclosedQuoteNamesTheLineWhereItsRecordStarts() {
    assertThatThrownBy(() -> CsvTable.of("x.csv", "a,b\n1,2\nc,\"open\nmore\n").rows()).isInstanceOf(UserException.class)
        .hasMessage("x.csv: line 3: a quoted field starts in this record and is never closed — expected a closing quote"
            + " (write a quote inside a quoted field as \"\")");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> CsvTable.of("x.csv", "a,b\n\"x\"y,2\n").rows()).isInstanceOf(UserException.class)
        .hasMessageStartingWith("x.csv: line 2: text after a closing quote — expected a comma or a line end");
  }

  @Test
  void aRecordOfTheWrongWidthNamesItsLineAndTheHeader() {
    assertThatThrownBy(() -> CsvTable.of("x.csv", "a,b,c\n1,2,3\n\"multi\nline\",2\n").rows()).isInstanceOf(UserException.class)
        .hasMessage("x.csv: line 3: expected 3 fields as in the header (a,b,c), got 2");
  }

  @Test
  void theHeaderMustBeTheOneAskedFor() {
    assertThatThrownBy(() -> CsvTable.of("x.csv", "user,cluster\n0,1\n").requireHeader(List.of("index", "label")))
        .isInstanceOf(UserException.class).hasMessage("x.csv: line 1: header is 'user,cluster' — expected 'index,label'");
    assertThatThrownBy(() -> CsvTable.of("x.csv", "")).isInstanceOf(UserException.class)
        .hasMessage("x.csv: line 1: expected a header row, got an empty file");
    assertThatThrownBy(() -> CsvTable.open(tmp.resolve("none.csv"))).isInstanceOf(UserException.class)
        .hasMessage(tmp.resolve("none.csv").toAbsolutePath() + ": no such file");
  }

  @Test
  void fieldErrorsNameLineColumnValueAndWhatIsAllowed() {
    try (CsvTable t = CsvTable.of("r.csv", "user,rating,ts\nu1,4.5,10\n\nu2,\"five\nstars\",NaN\n")) {
      List<CsvRow> rows = t.rows();
      assertThat(rows.get(0).getDouble("rating", "a number")).isEqualTo(4.5);
      assertThat(rows.get(0).getLong("ts", "an integer")).isEqualTo(10L);
      assertThatThrownBy(() -> rows.get(1).getDouble("rating", "a number such as 3.5")).isInstanceOf(UserException.class)
          .hasMessage("r.csv: line 4, column rating: 'five stars' — allowed: a number such as 3.5");
      assertThatThrownBy(() -> rows.get(1).getLong("ts", "an integer Unix timestamp")).hasMessage(
          "r.csv: line 4, column ts: 'NaN' — allowed: an integer Unix timestamp");
      assertThatThrownBy(() -> rows.get(1).getFloat(2, "a finite number")).hasMessage("r.csv: line 4, column ts: 'NaN' — allowed: a finite number");
      assertThat(rows.get(1).error("user", "not in users.csv")).hasMessage("r.csv: line 4, column user: not in users.csv");
      assertThatThrownBy(() -> rows.get(0).get("missing")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aTableIsReadOnce() {
    try (CsvTable t = CsvTable.of("x.csv", "a\n1\n")) {
      t.rows();
      assertThatThrownBy(t::rows).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void whatCsvTextWritesReadsBack() {
    List<List<String>> rows = List.of(List.of("plain", "a,b", "say \"hi\"", "two\r\nlines", "", "用户"), List.of("", "", "", "", "", "x"));
    CsvText out = CsvText.withHeader("a", "b", "c", "d", "e", "f");
    rows.forEach(out::row);
    try (CsvTable t = CsvTable.of("x.csv", out.toString())) {
      assertThat(values(t)).isEqualTo(rows);
    }
  }
}
