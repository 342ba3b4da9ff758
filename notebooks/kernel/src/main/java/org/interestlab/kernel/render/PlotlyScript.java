package org.interestlab.kernel.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The {@code <script>} that makes {@code window.Plotly} available: plotly.js-dist-min inlined when the
 * build fetched it from npm, else a script tag for the CDN and a visible note that the plot needs network.
 */
record PlotlyScript(String html, boolean inlined, String version) {
  private static final String RESOURCE = "plotly.min.js";
  private static volatile PlotlyScript instance;

  static PlotlyScript get() {
    PlotlyScript p = instance;
    if (p == null) instance = p = load();
    return p;
  }

  private static PlotlyScript load() {
    Properties props = new Properties();
    try (InputStream in = PlotlyScript.class.getResourceAsStream("plotly.properties")) {
      if (in == null) throw new IllegalStateException("plotly.properties missing from the kernel jar");
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String js = null;
    try (InputStream in = PlotlyScript.class.getResourceAsStream(RESOURCE)) {
      if (in != null) js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(js, props.getProperty("version"), props.getProperty("cdn"));
  }

  /** The script for this plotly.js source; {@code null} when the build had none (then the CDN). */
  static PlotlyScript of(String js, String version, String cdn) {
    if (js != null) return new PlotlyScript(inline(js, version), true, version);
    String html = "<div style=\"color:#a60\">plotly.js was not inlined when this kernel was built (no npm); "
        + "the plot loads it from " + cdn + " and needs network.</div>"
        + "<script src=\"" + cdn + "\"></script>";
    return new PlotlyScript(html, false, version);
  }

  // Notebook front ends may have RequireJS; plotly's UMD wrapper would then register an anonymous AMD
  // module instead of setting window.Plotly. Hiding define/module/exports makes it take the global path.
  private static String inline(String js, String version) {
    // "</script" inside the library would end the tag early.
    String safe = js.replace("</script", "<\\/script");
    return "<script type=\"text/javascript\">/* plotly.js-dist-min " + version + ", inlined */\n"
        + "if (typeof window.Plotly === 'undefined') {(function(define, module, exports) {\n"
        + safe + "\n}).call(window);}\n</script>";
  }
}
