package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page analysis of the browser check, on hand-written pages (no browser needed). */
class HeadlessChromiumTest {
  @Test
  void figureScriptsCountsPlotCallsOutsideLibraries() {
    String library = "<script>/* lib */ Plotly.newPlot(" + "x".repeat(300_000) + "</script>";
    String page = "<html><head></head><body>" + library
        + "<div id='a'></div><script>Plotly.newPlot(a, [], {});</script>"
        + "<div id='b'></div><script type=\"text/javascript\">var t = 1; Plotly.react(b, [], {});</script>"
        + "<script>console.log('no figure');</script></body></html>";
    assertThat(HeadlessChromium.figureScripts(page)).isEqualTo(2);
    assertThat(HeadlessChromium.figureScripts("<p>no scripts</p>")).isZero();
  }

  @Test
  void theErrorRecorderComesFirstInTheHead() {
    String page = HeadlessChromium.withRecorder("<html><head><title>t</title><script>boom()</script></head></html>");
    assertThat(page.indexOf(HeadlessChromium.ERRORS_ATTRIBUTE)).isLessThan(page.indexOf("boom()"));
    assertThat(page).startsWith("<html><head><script>");
    assertThat(HeadlessChromium.withRecorder("<p>x</p>")).startsWith("<script>").endsWith("<p>x</p>");
  }
}
