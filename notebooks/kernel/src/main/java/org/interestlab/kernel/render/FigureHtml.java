package org.interestlab.kernel.render;

import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;

/**
 * A tablesaw-jsplot figure as HTML: a div, plotly.js (inlined when the build had it, see
 * {@link PlotlyScript}) and the figure's own script. Every figure carries plotly.js, so a saved
 * notebook shows each plot without network and without depending on another cell's output.
 */
final class FigureHtml {
  private FigureHtml() {}

  static String of(Figure figure) {
    // jsplot also names a JavaScript variable after the div: letters, digits and underscores only.
    String div = "plot_" + UUID.randomUUID().toString().replace("-", "");
    return figure.divString(div) + PlotlyScript.get().html() + figure.asJavascript(div);
  }

  static String plain(Figure figure) {
    int traces = figure.getTraces() == null ? 0 : figure.getTraces().length;
    return "Figure (" + traces + (traces == 1 ? " trace" : " traces") + ")";
  }
}
