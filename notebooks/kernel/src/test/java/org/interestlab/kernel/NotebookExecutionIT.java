package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes {@code notebooks/tablesaw-plot.ipynb} headless with {@code jupyter nbconvert --execute} on the
 * installed kernel: no cell may fail, the table must come out as text/html, and the figure's HTML must
 * carry plotly.js itself (no external script) when the build inlined it.
 */
class NotebookExecutionIT {
  @TempDir Path temp;

  @Test
  void tablesawNotebookExecutesWithAnHtmlTableAndAnInlinedPlotlyFigure() throws Exception {
    JupyterEnvironment jupyter = JupyterEnvironment.create(temp);
    Path notebooks = Path.of(JupyterEnvironment.required("interestlab.notebooks"));
    Path out = temp.resolve("executed");
    JupyterEnvironment.Result result = JupyterEnvironment.run(List.of(JupyterEnvironment.PYTHON.toString(),
            "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=180",
            "--output-dir", out.toString(), "tablesaw-plot.ipynb"),
        notebooks, jupyter.env(Map.of()), 400);
    assertThat(result.exitCode()).as("nbconvert output:\n%s", result.output()).isZero();

    JsonObject nb = JsonParser.parseString(Files.readString(out.resolve("tablesaw-plot.ipynb"), StandardCharsets.UTF_8))
        .getAsJsonObject();
    List<JsonObject> outputs = new ArrayList<>();
    for (JsonElement cell : nb.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (c.has("outputs")) c.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
    }
    assertThat(outputs).noneMatch(o -> o.get("output_type").getAsString().equals("error"));
    List<String> html = outputs.stream().filter(o -> o.has("data") && o.getAsJsonObject("data").has("text/html"))
        .map(o -> joined(o.getAsJsonObject("data").get("text/html"))).toList();

    String table = html.stream().filter(h -> h.contains("<table>")).findFirst().orElseThrow(
        () -> new AssertionError("no text/html table among the outputs"));
    // The bundled synthetic dataset has 13 topics (truth_topics.csv), each the final primary interest
    // of some users (`cut -d, -f5 truth_users.csv | sort -u`).
    assertThat(table).contains("<th>primary_final</th>", "<th>Count</th>", "13 rows × 2 columns");

    String figure = html.stream().filter(h -> h.contains("Plotly.newPlot")).findFirst().orElseThrow(
        () -> new AssertionError("no figure among the outputs"));
    boolean inlinedAtBuild = Files.exists(Path.of("target/classes/org/interestlab/kernel/render/plotly.min.js"));
    if (inlinedAtBuild) {
      assertThat(figure).contains("plotly.js-dist-min", "inlined").doesNotContain("<script src=");
      assertThat(figure.length()).isGreaterThan(1_000_000);
    } else {
      assertThat(figure).contains("cdn.plot.ly", "needs network");
    }
  }

  private static String joined(JsonElement source) {
    if (source.isJsonPrimitive()) return source.getAsString();
    StringBuilder sb = new StringBuilder();
    source.getAsJsonArray().forEach(e -> sb.append(e.getAsString()));
    return sb.toString();
  }
}
