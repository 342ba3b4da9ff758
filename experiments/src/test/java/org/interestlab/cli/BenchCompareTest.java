package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.interestlab.cli.LabCliTest.lab;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab bench compare} on two committed results folders. Expected numbers are read by hand from
 * their {@code jmh.json}: MiniLM through DJL's ONNX Runtime engine, batch 32, 345.4286894443344 ± 122.19756
 * ops/s on the first and 304.68144717670486 ± 9.47622 on the second, a ratio of 0.8820 (computed apart with
 * Python); PyTorch 257.04643480091136 and 280.9910969914266, ratio 1.0932; bare ORT ran on the first only.
 */
class BenchCompareTest {
  static final String FIRST = "jmh/results/vm-20261201T090619Z";
  static final String SECOND = "jmh/results/vm-20261201T091107Z";
  static final String ORT_DJL = "EncoderThroughput.ortDjl batchSize=32 model=minilm-l6";

  @Test
  void printsOneTableWithScoresErrorsAndRatiosToTheFirstMachine(@TempDir Path tmp) {
    LabCliTest.Result r = lab("bench", "compare", FIRST, SECOND, "--out", tmp.resolve("compare.html").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String ortLine = line(r.out(), ORT_DJL + " ");
    assertThat(ortLine).contains("ops/s", "345.4 ± 122.2", "304.7 ± 9.476 (0.88×)");
    assertThat(line(r.out(), "EncoderThroughput.torchDjl batchSize=32 model=minilm-l6 ")).contains("257.0 ± 141.7", "281.0 ± 11.88 (1.09×)");
    assertThat(line(r.out(), "EncoderThroughput.ortBare batchSize=32 model=bge-small-zh ")).contains("228.0 ± 42.43").endsWith("—");
    assertThat(r.out()).contains("[1] vm-20261201T090619Z: AMD EPYC, 2 cores", "[2] vm-20261201T091107Z");
  }

  @Test
  void writesAPageWhoseFiguresCarryBothMachinesAndNeedNoNetwork(@TempDir Path tmp) throws Exception {
    Path html = tmp.resolve("compare.html");
    assertThat(lab("bench", "compare", FIRST, SECOND, "--out", html.toString()).code()).isZero();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    // Outside the inlined library (whose unused map code names icon URLs) nothing is loaded from anywhere.
    String own = page.replaceAll("(?s)/\\* plotly\\.js-dist-min [0-9.]+, inlined \\*/.*?</script>", "</script>");
    assertThat(own).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("(src|href)=\"https?:");
    // The build inlines plotly.js whenever npm fetched it; then the page must carry it.
    if (org.interestlab.plot.PlotlyJs.get().inlined()) {
      assertThat(page).contains("plotly.js-dist-min 2.35.2, inlined", "plotly.js v2.35.2");
    }
    Matcher m = Pattern.compile("(?s)Plotly\\.newPlot\\('fig0', (\\[.*?\\])\\s*, \\{\\s*\"barmode\"").matcher(page);
    assertThat(m.find()).as("first figure").isTrue();
    // The page keeps ten significant digits.
    JsonArray traces = JsonParser.parseString(m.group(1)).getAsJsonArray();
    assertThat(traces).hasSize(2);
    JsonObject first = traces.get(0).getAsJsonObject();
    JsonObject second = traces.get(1).getAsJsonObject();
    assertThat(first.get("name").getAsString()).isEqualTo("1. vm-20261201T090619Z");
    assertThat(second.get("name").getAsString()).isEqualTo("2. vm-20261201T091107Z");
    int i = indexOf(first.getAsJsonArray("x"), "ortDjl batchSize=32 model=minilm-l6");
    assertThat(first.getAsJsonArray("y").get(i).getAsDouble()).isCloseTo(345.4286894443344, within(1e-6));
    assertThat(second.getAsJsonArray("y").get(i).getAsDouble()).isCloseTo(304.68144717670486, within(1e-6));
    assertThat(first.getAsJsonObject("error_y").getAsJsonArray("array").get(i).getAsDouble()).isCloseTo(122.19756022244049, within(1e-6));
    int bare = indexOf(first.getAsJsonArray("x"), "ortBare batchSize=32 model=bge-small-zh");
    assertThat(second.getAsJsonArray("y").get(bare).isJsonNull()).as("not run on the second machine").isTrue();
  }

  @Test
  void aMissingFolderOrOneWithoutJmhJsonIsAUserError(@TempDir Path tmp) {
    LabCliTest.Result missing = lab("bench", "compare", FIRST, tmp.resolve("nowhere").toString(), "--out", tmp.resolve("c.html").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nowhere: no such results folder").doesNotContain("Exception");
    LabCliTest.Result empty = lab("bench", "compare", tmp.toString(), "--out", tmp.resolve("c.html").toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no jmh.json");
    assertThat(tmp.resolve("c.html")).doesNotExist();
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " not in\n" + text));
  }

  private static int indexOf(JsonArray a, String value) {
    for (int i = 0; i < a.size(); i++) if (a.get(i).getAsString().equals(value)) return i;
    throw new AssertionError(value + " not in " + a);
  }
}
