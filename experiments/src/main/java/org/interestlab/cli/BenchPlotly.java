package org.interestlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js for {@code compare.html}: the copy the build fetched from npm ({@code plotly.js-dist-min},
 * packed into this module's classes) inlined into the page, so figures render offline. A build without
 * npm has none: the page then loads it from the CDN and says so.
 *
 * @param js the library's source, {@code null} when the build had none
 */
record BenchPlotly(String js) {
  static final String RESOURCE = "plotly.min.js";
  static final String CDN = "https://cdn.plot.ly/plotly-2.35.2.min.js";

  /** The copy packed at build time, if any. */
  static BenchPlotly packed() {
    try (InputStream in = BenchPlotly.class.getResourceAsStream(RESOURCE)) {
      return new BenchPlotly(in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the packed " + RESOURCE, e);
    }
  }

  boolean inlined() {
    return js != null;
  }

  String scriptTag() {
    if (js == null) {
      return "<p style=\"color:#a60\">plotly.js was not packed when InterestLab was built (no npm): the figures load it from "
          + CDN + " and need network.</p><script src=\"" + CDN + "\"></script>";
    }
    // "</script" inside the library would end the element early.
    return "<script type=\"text/javascript\">/* plotly.js-dist-min, inlined */\n" + js.replace("</script", "<\\/script") + "\n</script>";
  }
}
