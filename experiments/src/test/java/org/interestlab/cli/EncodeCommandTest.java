package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.cli.LabCliTest.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lab encode}: files in, vectors out that numpy reads as they are. */
class EncodeCommandTest {
  static final List<String> TEXTS = List.of(
      "I loved the hiking trip in the Alps, the views were stunning",
      "A rich tomato sauce, slow-cooked for hours, with fresh basil",
      "The gallery's new impressionist exhibition is worth a visit",
      "Our team won the football match in the last minute",
      "This camera takes sharp photos, even in low light");

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    LabCliTest.locateRoot();
  }

  @Test
  void textFileToNpyThatNumpyReads() throws Exception {
    Path input = tmp.resolve("texts.txt");
    Files.write(input, TEXTS, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out/vectors.npy");
    LabCliTest.Result r = lab("encode", "--model", "minilm-l6", "--input", input.toString(), "--out", out.toString(), "--no-cache");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("5 texts → 384-d vectors");

    Embeddings expected;
    try (FittedEncoder enc = OnnxSentenceEncoder.of("minilm-l6").fit(List.of())) {
      expected = enc.encode(TEXTS);
    }
    // numpy prints shape, dtype, the row norms and every value; the norms are 1 for an L2-normalised model.
    String py = numpy(out, """
        import sys, numpy as np
        a = np.load(sys.argv[1])
        print(a.shape[0], a.shape[1], a.dtype)
        print(" ".join("%.6f" % n for n in np.linalg.norm(a, axis=1)))
        print(" ".join(repr(float(v)) for v in a.ravel()))
        """);
    List<String> lines = py.lines().toList();
    assertThat(lines.get(0)).isEqualTo("5 384 float32");
    assertThat(lines.get(1)).isEqualTo("1.000000 1.000000 1.000000 1.000000 1.000000");
    String[] values = lines.get(2).split(" ");
    assertThat(values).hasSize(5 * 384);
    for (int i = 0; i < values.length; i++) {
      assertThat(Float.parseFloat(values[i])).as("value %d", i).isEqualTo(expected.data()[i]);
    }
  }

  @Test
  void csvColumnWithQuotedCommasToCsvVectors() throws IOException {
    Path input = tmp.resolve("reviews.csv");
    Files.writeString(input, "id,text\n1,\"Great film, great cast\"\n2,\"A \"\"slow\"\" book\"\n3,\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("v.csv");
    LabCliTest.Result r = lab("encode", "--model", "tfidf", "--input", input.toString(), "--column", "text", "--out", out.toString(),
        "--param", "dimension=0", "--param", "min_df=1", "--no-cache");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out);
    assertThat(rows).hasSize(4); // header + one row per record, the empty text included
    assertThat(rows.get(0)).startsWith("id,d0,");
    assertThat(rows.get(3)).matches("2(,0\\.0)+"); // the empty text has no terms
  }

  @Test
  void secondEncodeReadsTheCache() throws IOException {
    Path input = tmp.resolve("texts.txt");
    Files.write(input, List.of("caching works for this text", "and for this one"));
    String oldCache = System.getProperty("interestlab.cache");
    System.setProperty("interestlab.cache", tmp.resolve("cache").toString());
    try {
      LabCliTest.Result first = lab("encode", "--model", "minilm-l6", "--input", input.toString(), "--out", tmp.resolve("a.npy").toString());
      LabCliTest.Result second = lab("encode", "--model", "minilm-l6", "--input", input.toString(), "--out", tmp.resolve("b.npy").toString());
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("0 hits, 2 misses");
      assertThat(second.out()).contains("2 hits, 0 misses");
      assertThat(Files.readAllBytes(tmp.resolve("b.npy"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.npy")));
      assertThat(tmp.resolve("cache/embeddings")).isDirectory();
    } finally {
      if (oldCache == null) System.clearProperty("interestlab.cache");
      else System.setProperty("interestlab.cache", oldCache);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--model bert                       | --model 'bert': not a built-in model nor a folder — allowed: tfidf, minilm-l6, bge-small-zh",
      "--model minilm-l6 --batch-size 0   | lab encode: encoder.batch_size: 0 is out of range",
      "--model minilm-l6 --device tpu     | lab encode: encoder.device: 'tpu' is not allowed",
      "--model minilm-l6 --param nope=1   | lab encode: encoder.nope: unknown key for kind 'minilm-l6'",
      "--model minilm-l6 --param pooling  | --param 'pooling' — expected key=value, e.g. --param dimension=64",
      "--model minilm-l6 --column body    | --column 'body' is not in the header — allowed: id, text",
  })
  void badOptionsExitTwoWithOneLine(String options, String expected) throws IOException {
    Path input = tmp.resolve("in.csv");
    Files.writeString(input, "id,text\n1,hello\n");
    List<String> args = new java.util.ArrayList<>(List.of("encode", "--input", input.toString(), "--out", tmp.resolve("o.npy").toString()));
    args.addAll(List.of(options.strip().split("\\s+")));
    LabCliTest.Result r = lab(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected.strip());
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.resolve("o.npy")).doesNotExist();
  }

  @Test
  void missingInputAndBadOutputNameExitTwo() {
    LabCliTest.Result missing = lab("encode", "--model", "tfidf", "--input", tmp.resolve("none.txt").toString(), "--out", "x.npy");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.txt: no such file");
    LabCliTest.Result badOut = lab("encode", "--model", "tfidf", "--input", tmp.toString(), "--out", tmp.resolve("x.parquet").toString());
    assertThat(badOut.code()).isEqualTo(2);
    assertThat(badOut.err()).contains("allowed: a .npy or .csv file name");
  }

  /** Runs a script with Debian's Python and numpy; skips where they are missing. */
  private static String numpy(Path npy, String script) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 with numpy (Debian python3-numpy)");
    Process check = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true).start();
    Assumptions.assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
        "needs numpy for /usr/bin/python3 (Debian python3-numpy)");
    Process p = new ProcessBuilder(python.toString(), "-c", script, npy.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
