package org.interestlab.kernel.render;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void theBuildInlinedThePinnedVersionWhenNpmWasThere() {
    PlotlyScript p = PlotlyScript.get();
    assertThat(p.version()).isEqualTo("2.35.2");
    if (p.inlined()) assertThat(p.html()).contains("plotly.js v2.35.2").hasSizeGreaterThan(1_000_000);
  }
}
