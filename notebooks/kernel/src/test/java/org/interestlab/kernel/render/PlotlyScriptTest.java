package org.interestlab.kernel.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlotlyScriptTest {
  @Test
  void inlinedLibraryHidesAmdAndCannotCloseTheScriptTagEarly() {
    PlotlyScript p = PlotlyScript.of("var x = '</script>'; window.Plotly = {};", "9.9.9", "https://cdn.example/p.js");
    assertThat(p.inlined()).isTrue();
    assertThat(p.html())
        .startsWith("<script type=\"text/javascript\">/* plotly.js-dist-min 9.9.9, inlined */")
        .contains("(function(define, module, exports) {", "var x = '<\\/script>'")
        .doesNotContain("<script src=", "cdn.example")
        .endsWith("</script>");
    // Exactly one closing tag: the library's own "</script" was escaped.
    assertThat(p.html().split("</script", -1)).hasSize(2);
  }

  @Test
  void withoutTheLibraryTheFigureLoadsTheCdnAndSaysSo() {
    PlotlyScript p = PlotlyScript.of(null, "2.35.2", "https://cdn.plot.ly/plotly-2.35.2.min.js");
    assertThat(p.inlined()).isFalse();
    assertThat(p.html()).contains("<script src=\"https://cdn.plot.ly/plotly-2.35.2.min.js\"></script>",
        "was not inlined", "needs network");
  }

  /**
   * The kernel inlines plotly.js exactly when the build fetched it ({@code -Dinterestlab.plotlyFetched}
   * names the file the build's npm step writes): a fetched file that did not reach the jar's
   * resources fails here, as does a CDN fallback without its note.
   */
  @Test
  void theBuildInlinedThePinnedVersionExactlyWhenItFetchedIt() throws IOException {
    PlotlyScript p = PlotlyScript.get();
    assertThat(p.version()).isEqualTo("2.35.2");
    Path fetched = Path.of(System.getProperty("interestlab.plotlyFetched", "target/plotly/package/plotly.min.js"));
    if (Files.isRegularFile(fetched)) {
      assertThat(p.inlined()).as("the build fetched %s, so figures must inline it", fetched).isTrue();
      String js = Files.readString(fetched, StandardCharsets.UTF_8);
      // Compared as booleans: on failure AssertJ would print 4.6 MB.
      assertThat(js.contains("plotly.js v2.35.2")).as("the fetched file is the pinned version").isTrue();
      assertThat(p.html().contains(js.replace("</script", "<\\/script"))).as("the fetched library is inlined whole").isTrue();
    } else {
      assertThat(p.inlined()).as("the build fetched no plotly.js (no npm, offline): figures load it from the CDN").isFalse();
      assertThat(p.html()).contains("<script src=\"https://cdn.plot.ly/plotly-2.35.2.min.js\"></script>", "was not inlined", "needs network");
    }
  }
}
