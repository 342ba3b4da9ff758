package org.interestlab.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import org.interestlab.kernel.JavaKernel;

/**
 * Display helpers under IJava's names. {@code display(x)} sends x to the notebook now (as the
 * registered renderers render it: a Tablesaw table as HTML) and returns its display id;
 * {@code render(x)} returns the rendering, which becomes the cell's output when it is the cell's value.
 *
 * <pre>{@code
 * String id = display(table);            // HTML table, output now
 * updateDisplay(id, table.first(5));     // replace that output
 * render(figure, "text/html");           // only the HTML
 * }</pre>
 */
public final class Display {
  private Display() {}

  public static DisplayData render(Object o) {
    return JavaKernel.instance().getRenderer().render(o);
  }

  /** Renders as the given MIME types only (for example {@code "text/html"}). */
  public static DisplayData render(Object o, String... mimeTypes) {
    return mimeTypes.length == 0 ? render(o) : JavaKernel.instance().getRenderer().renderAs(o, mimeTypes);
  }

  public static String display(Object o) {
    return display(o, new String[0]);
  }

  public static String display(Object o, String... mimeTypes) {
    DisplayData data = render(o, mimeTypes);
    String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
    data.setDisplayId(id);
    JavaKernel kernel = JavaKernel.instance();
    kernel.display(data);
    kernel.displayed(id);
    return id;
  }

  public static void updateDisplay(String id, Object o) {
    updateDisplay(id, o, new String[0]);
  }

  public static void updateDisplay(String id, Object o, String... mimeTypes) {
    DisplayData data = render(o, mimeTypes);
    JavaKernel.instance().getIO().display.updateDisplay(id, data);
  }
}
