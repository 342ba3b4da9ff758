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
 * Executes the notebooks in {@code notebooks/} headless ({@code jupyter nbconvert --execute}) on the
 * installed kernel: no cell may fail; in {@code tablesaw-plot.ipynb} the table must come out as
 * text/html and the figure's HTML must carry plotly.js itself (no external script) when the build
 * inlined it.
 */
class NotebookExecutionIT {
  @TempDir Path temp;

  /** Every notebook in notebooks/ runs headless without an error output; tablesaw-plot.ipynb is checked in detail. */
  @Test
  void notebooksExecuteHeadlessAndTablesawPlotHasAnHtmlTableAndAnInlinedPlotlyFigure() throws Exception {
    JupyterEnvironment jupyter = JupyterEnvironment.create(temp);
    Path notebooks = Path.of(JupyterEnvironment.required("interestlab.notebooks"));
    List<String> names;
    try (var files = Files.list(notebooks)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
    }
    assertThat(names).contains("tablesaw-plot.ipynb");
    Path out = temp.resolve("executed");
    List<String> command = new ArrayList<>(List.of(JupyterEnvironment.PYTHON.toString(), "-m", "nbconvert",
        "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=180", "--output-dir", out.toString()));
    command.addAll(names);
    JupyterEnvironment.Result result = JupyterEnvironment.run(command, notebooks, jupyter.env(Map.of()), 600);
    assertThat(result.exitCode()).as("nbconvert output:\n%s", result.output()).isZero();

    for (String name : names) {
      assertThat(outputs(out.resolve(name))).as(name).noneMatch(o -> o.get("output_type").getAsString().equals("error"));
    }
    List<JsonObject> outputs = outputs(out.resolve("tablesaw-plot.ipynb"));
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
      assertThat(figure).contains("plotly.js-dist-min", "inlined", "plotly.js v2.35.2").doesNotContain("<script src=");
      assertThat(figure.length()).isGreaterThan(1_000_000);
    } else {
      assertThat(figure).contains("cdn.plot.ly", "needs network");
    }
  }

  private static List<JsonObject> outputs(Path notebook) throws java.io.IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
    List<JsonObject> outputs = new ArrayList<>();
    for (JsonElement cell : nb.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (c.has("outputs")) c.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
    }
    return outputs;
  }

  private static String joined(JsonElement source) {
    if (source.isJsonPrimitive()) return source.getAsString();
    StringBuilder sb = new StringBuilder();
    source.getAsJsonArray().forEach(e -> sb.append(e.getAsString()));
    return sb.toString();
  }
}
