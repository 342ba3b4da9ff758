package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text every CSV file is written as; expected texts are written out by hand from RFC 4180. */
class CsvTextTest {
  @Test
  void quotesOnlyFieldsWithACommaQuoteOrLineBreak() {
    String csv = CsvText.withHeader("a", "b", "c", "d", "e", "f")
        .row("plain", "a,b", "say \"hi\"", "two\nlines", "", "food & cooking")
        .row("cr\rhere", "crlf\r\nhere", "\"", ",", "x", "y")
        .toString();
    assertThat(csv).isEqualTo("a,b,c,d,e,f\n"
        + "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,food & cooking\n"
        + "\"cr\rhere\",\"crlf\r\nhere\",\"\"\"\",\",\",x,y\n");
  }

  @Test
  void leavesWhatCommonsCsvMinimalModeWouldQuoteUnquoted() {
    // Commons CSV's "minimal" mode quotes these; the files InterestLab has always written do not.
    String csv = CsvText.withHeader("first", "b", "c", "d", "e").row("", " lead", "#hash", "trail ", "!bang").toString();
    assertThat(csv).isEqualTo("first,b,c,d,e\n, lead,#hash,trail ,!bang\n");
  }

  @Test
  void writesValuesAsStringValueOfAndUtf8WithoutAByteOrderMark() {
    CsvText csv = CsvText.withHeader(List.of("user_id", "n", "x", "f")).row("用户,一", 42, -1L, 0.5f).row("ü", 0, 7L, -0.0f);
    assertThat(csv.toString()).isEqualTo("user_id,n,x,f\n\"用户,一\",42,-1,0.5\nü,0,7,-0.0\n");
    byte[] bytes = csv.utf8();
    assertThat(bytes[0]).isEqualTo((byte) 'u');
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(csv.toString());
    assertThat(bytes).hasSize(csv.toString().length() + 3 * 2 + 1); // 用, 户, 一: 3 bytes for 1 char; ü: 2 for 1
  }

  @Test
  void aRowOfTheWrongWidthOrANullValueIsABug() {
    assertThatThrownBy(() -> CsvText.withHeader("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for a header of 2 columns");
    assertThatThrownBy(() -> CsvText.withHeader("a").row((Object) null)).isInstanceOf(NullPointerException.class);
  }
}
