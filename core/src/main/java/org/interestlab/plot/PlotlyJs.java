package org.interestlab.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The {@code <script>} that gives a page {@code window.Plotly}, for pages that embed {@link PlotlyFigure}s
 * ({@code report.html}): plotly.js-dist-min inlined (about 4.6 MB; put it in a page once, before the
 * figures) when the build fetched it from npm, else a script tag for the CDN and a visible note that the
 * figures need network.
 *
 * <pre>{@code
 * String page = "<html><head>" + PlotlyJs.script() + "</head><body>" + figure.html("f1") + "</body></html>";
 * }</pre>
 *
 * @param html the script element(s)
 * @param inlined whether plotly.js is in {@code html} itself (offline pages)
 * @param version the plotly.js version
 */
public record PlotlyJs(String html, boolean inlined, String version) {
  private static volatile PlotlyJs instance;

  /** The script element(s) for this build. */
  public static String script() {
    return get().html();
  }

  public static PlotlyJs get() {
    PlotlyJs p = instance;
    if (p == null) instance = p = load();
    return p;
  }

  private static PlotlyJs load() {
    Properties props = new Properties();
    try (InputStream in = PlotlyJs.class.getResourceAsStream("plotly.properties")) {
      if (in == null) throw new IllegalStateException("plotly.properties missing from the core jar");
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String js = null;
    try (InputStream in = PlotlyJs.class.getResourceAsStream("plotly.min.js")) {
      if (in != null) js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(js, props.getProperty("version"), props.getProperty("cdn"));
  }

  /** The script for this plotly.js source; {@code js == null} means the build had none (then the CDN). */
  static PlotlyJs of(String js, String version, String cdn) {
    if (js == null) {
      String html = "<div style=\"color:#a60\">plotly.js was not inlined when InterestLab was built (no npm); "
          + "the figures load it from " + cdn + " and need network.</div>\n<script src=\"" + cdn + "\"></script>\n";
      return new PlotlyJs(html, false, version);
    }
    // "</script" inside the library would end the element early.
    return new PlotlyJs("<script>/* plotly.js-dist-min " + version + ", inlined */\n" + js.replace("</script", "<\\/script")
        + "\n</script>\n", true, version);
  }
}
