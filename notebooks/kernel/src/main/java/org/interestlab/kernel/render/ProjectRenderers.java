package org.interestlab.kernel.render;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** Registers the renderers of this package with the kernel's renderer. */
public final class ProjectRenderers {
  private ProjectRenderers() {}

  public static void register(Renderer renderer) {
    renderer.createRegistration(Table.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((table, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(table));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.plain(table));
        });
    renderer.createRegistration(Figure.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register((figure, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> FigureHtml.of(figure));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> FigureHtml.plain(figure));
        });
  }
}
