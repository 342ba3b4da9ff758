package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlotlyJsTest {
  @Test
  void inlinedLibraryCannotEndItsScriptElement() {
    PlotlyJs p = PlotlyJs.of("var a = '</script>';", "2.35.2", "https://cdn.example/plotly.js");
    assertThat(p.inlined()).isTrue();
    assertThat(p.html()).startsWith("<script>").contains("2.35.2").contains("<\\/script>");
    assertThat(p.html().indexOf("</script>")).isEqualTo(p.html().lastIndexOf("</script>"));
  }

  @Test
  void withoutTheLibraryThePageSaysItNeedsNetwork() {
    PlotlyJs p = PlotlyJs.of(null, "2.35.2", "https://cdn.example/plotly.js");
    assertThat(p.inlined()).isFalse();
    assertThat(p.html()).contains("need network").contains("<script src=\"https://cdn.example/plotly.js\"></script>");
  }

  @Test
  void theBuildInlinesPlotlyWhenItFetchedIt() {
    PlotlyJs p = PlotlyJs.get();
    assertThat(p.version()).matches("\\d+\\.\\d+\\.\\d+");
    // With npm at build time (CI installs it) the library is inlined; without, the CDN note stands.
    if (PlotlyJsTest.class.getResource("/org/interestlab/plot/plotly.min.js") != null) {
      assertThat(p.inlined()).isTrue();
      assertThat(p.html().length()).isGreaterThan(1_000_000);
    }
  }
}
