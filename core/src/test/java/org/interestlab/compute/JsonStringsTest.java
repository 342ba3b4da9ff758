package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON string escapes, written out by hand from RFC 8259 §7 and the HTML script-element rules. */
class JsonStringsTest {
  private static String quote(String s, boolean scriptSafe) {
    StringBuilder sb = new StringBuilder();
    JsonStrings.quote(sb, s, scriptSafe);
    return sb.toString();
  }

  @Test
  void escapesQuotesBackslashesAndControls() {
    assertThat(quote("a\"b\\c\nd\re\tf\u0001", false)).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"");
  }

  @Test
  void plainFormLeavesSlashesAndLineSeparatorsAlone() {
    assertThat(quote("</script>\u2028", false)).isEqualTo("\"</script>\u2028\"");
  }

  @Test
  void scriptSafeFormCannotCloseAScriptElement() {
    assertThat(quote("a/b</script>\u2028\u2029", true)).isEqualTo("\"a/b<\\/script>\\u2028\\u2029\"");
  }
}
