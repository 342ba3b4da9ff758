package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

class TfIdfEncoderTest {
  private static final TfIdfEncoder RAW = TfIdfEncoder.defaults().withMinDf(1).withDimension(0);

  @Test
  void tokenizerLowercasesDropsStopWordsAndShortTokensAndSplitsChinese() {
    assertThat(TextTokens.tokenize("The Cat's café, a B2B deal!")).containsExactly("cat", "café", "b2b", "deal");
    assertThat(TextTokens.tokenize("我爱猫 cats")).containsExactly("我", "爱", "猫", "我爱", "爱猫", "cats");
  }

  @Test
  void rawTfIdfMatchesHandComputedValues() {
    // n = 3; df: apple 1, banana 2, cherry 2, durian 1; idf = ln((1+n)/(1+df)) + 1.
    List<String> corpus = List.of("apple banana apple", "banana cherry", "cherry durian");
    double idf1 = Math.log(4.0 / 2.0) + 1; // 1.693147
    double idf2 = Math.log(4.0 / 3.0) + 1; // 1.287682
    try (TfIdfEncoder.Fitted f = RAW.withSublinearTf(false).fit(corpus)) {
      assertThat(f.vocabulary()).containsExactly("apple", "banana", "cherry", "durian");
      assertThat(f.idf()).containsExactly(new double[] {idf1, idf2, idf2, idf1}, within(1e-12));
      Embeddings e = f.encode(corpus);
      assertThat(e.dim()).isEqualTo(4);
      // doc 0: apple tf 2 → 2·1.693147 = 3.386294, banana 1.287682; norm 3.622860.
      double a = 2 * idf1;
      double b = idf2;
      double norm = Math.sqrt(a * a + b * b);
      assertThat(e.get(0, 0)).isCloseTo((float) (a / norm), within(1e-6f)); // 0.934702
      assertThat(e.get(0, 1)).isCloseTo((float) (b / norm), within(1e-6f)); // 0.355432
      assertThat(e.get(0, 2)).isZero();
      // doc 1: banana and cherry have equal weight → 1/√2 each.
      assertThat(e.get(1, 1)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
      assertThat(e.get(1, 2)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }
    // Sublinear tf: apple's count 2 becomes 1 + ln 2.
    try (TfIdfEncoder.Fitted f = RAW.fit(corpus)) {
      Embeddings e = f.encode(corpus);
      double a = (1 + Math.log(2)) * idf1;
      double norm = Math.sqrt(a * a + idf2 * idf2);
      assertThat(e.get(0, 0)).isCloseTo((float) (a / norm), within(1e-6f));
    }
  }

  @Test
  void rawTfIdfMatchesScikitLearn() throws IOException {
    List<String> corpus = resourceLines("tfidf_corpus.txt");
    List<String> expected = resourceLines("tfidf_sklearn_expected.tsv");
    try (TfIdfEncoder.Fitted f = RAW.fit(corpus)) {
      List<String> vocab = f.vocabulary();
      double[] idf = f.idf();
      Embeddings e = f.encode(corpus);
      int idfLines = 0;
      int nonZero = 0;
      for (String line : expected) {
        String[] p = line.split("\t");
        if (p[0].equals("idf")) {
          idfLines++;
          assertThat(vocab).contains(p[1]);
          assertThat(idf[vocab.indexOf(p[1])]).as("idf of %s", p[1]).isCloseTo(Double.parseDouble(p[2]), within(1e-8));
        } else if (p[0].equals("w")) {
          nonZero++;
          int row = Integer.parseInt(p[1]);
          assertThat(e.get(row, vocab.indexOf(p[2]))).as("row %d term %s", row, p[2])
              .isCloseTo(Float.parseFloat(p[3]), within(1e-6f));
        }
      }
      assertThat(vocab).hasSize(idfLines);
      int ours = 0;
      for (float v : e.data()) if (v != 0) ours++;
      assertThat(ours).isEqualTo(nonZero);
    }
  }

  @Test
  void randomizedSvdFindsTheExactSingularValues() throws IOException {
    List<String> corpus = resourceLines("tfidf_corpus.txt");
    List<Double> expected = new ArrayList<>();
    for (String line : resourceLines("tfidf_sklearn_expected.tsv")) {
      String[] p = line.split("\t");
      if (p[0].equals("sv")) expected.add(Double.parseDouble(p[2]));
    }
    try (TfIdfEncoder.Fitted f = RAW.fit(corpus)) {
      TfIdfEncoder.Weights w = f.weights();
      List<List<String>> docs = corpus.stream().map(TextTokens::tokenize).toList();
      RandomizedSvd.Result r = RandomizedSvd.compute(w.matrix(docs), 4, 10, 5, 7);
      for (int k = 0; k < 4; k++) assertThat(r.singularValues()[k]).isCloseTo(expected.get(k), within(1e-9));
      // Components are orthonormal.
      int v = r.cols();
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          double dot = 0;
          for (int j = 0; j < v; j++) dot += r.components()[a * v + j] * r.components()[b * v + j];
          assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-9));
        }
      }
    }
  }

  @Test
  void randomizedSvdOnALargerCorpusMatchesNumpysExactSvd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    // 1200 texts: large enough that the dense products run on the PyTorch engine.
    java.util.Random rnd = new java.util.Random(3);
    List<String> corpus = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      StringBuilder sb = new StringBuilder();
      int topic = rnd.nextInt(8);
      for (int w = 0; w < 25; w++) sb.append(rnd.nextInt(2) == 0 ? "t" + topic + "w" + rnd.nextInt(40) : "g" + rnd.nextInt(300)).append(' ');
      corpus.add(sb.toString());
    }
    try (TfIdfEncoder.Fitted f = RAW.fit(corpus)) {
      Embeddings x = f.encode(corpus); // dense tf-idf, 1200 × V
      java.nio.file.Path file = tmp.resolve("x.npy");
      Npy.write(file, x);
      Process p = new ProcessBuilder("/usr/bin/python3", "-c",
          "import numpy as np; s = np.linalg.svd(np.load(r'" + file + "').astype(np.float64), compute_uv=False);"
              + " print(' '.join(repr(float(v)) for v in s[:12]))").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.waitFor()).as(out + " (needs: apt-get install python3-numpy)").isZero();
      String[] exact = out.split(" ");
      List<List<String>> docs = corpus.stream().map(TextTokens::tokenize).toList();
      RandomizedSvd.Result r = RandomizedSvd.compute(f.weights().matrix(docs), 128, 10, 5, 42);
      // The 8 topic directions stand out of the spectrum and are found to 1e-5; behind them the
      // spectrum is flat noise, where a randomized method is an approximation (still within 1e-3).
      for (int k = 0; k < exact.length; k++) {
        double e = Double.parseDouble(exact[k]);
        assertThat(r.singularValues()[k]).as("singular value %d", k).isCloseTo(e, within((k < 8 ? 1e-5 : 1e-3) * e));
      }
    }
  }

  private static final List<String> TOPICS = List.of(
      "football match goal striker scored league",
      "the striker scored a late goal in the league match",
      "goalkeeper saved a penalty in the football final",
      "league champions won the football final",
      "bake bread with flour yeast and butter in the oven",
      "oven baked cake with butter sugar and flour",
      "knead the dough, add yeast, bake the bread",
      "sugar cookies baked with butter in a hot oven",
      "the telescope observed a distant galaxy and stars",
      "astronomers found a planet orbiting distant stars",
      "a galaxy of stars seen through the telescope",
      "the planet and its moon orbit a bright star");

  @Test
  void similarTextsAreCloserAfterSvd() {
    TfIdfEncoder enc = TfIdfEncoder.defaults().withMinDf(1).withDimension(3).withSeed(1);
    try (FittedEncoder f = enc.fit(TOPICS)) {
      Embeddings q = f.encode(List.of("a striker scored the winning goal", "flour and butter for the bread",
          "stars in a distant galaxy"));
      Embeddings docs = f.encode(TOPICS);
      assertThat(q.dim()).isEqualTo(3);
      for (int t = 0; t < 3; t++) {
        double same = 0;
        double other = 0;
        for (int i = 0; i < TOPICS.size(); i++) {
          double c = dot(q.row(t), docs.row(i));
          if (i / 4 == t) same += c / 4;
          else other += c / 8;
        }
        assertThat(same).as("query %d", t).isGreaterThan(other + 0.3);
      }
    }
  }

  @Test
  void deterministicUnitNormAndInputUntouched() {
    List<String> corpus = new ArrayList<>(TOPICS);
    List<String> copy = List.copyOf(corpus);
    TfIdfEncoder enc = TfIdfEncoder.defaults().withMinDf(1).withDimension(5);
    Embeddings a;
    try (FittedEncoder f = enc.fit(corpus)) {
      a = f.encode(corpus);
      assertThat(f.dimension()).isEqualTo(5);
      assertThat(f.id()).startsWith(enc.id());
    }
    try (FittedEncoder f = enc.fit(corpus)) {
      assertThat(f.encode(corpus)).isEqualTo(a);
    }
    assertThat(corpus).isEqualTo(copy);
    for (int i = 0; i < a.rows(); i++) assertThat(dot(a.row(i), a.row(i))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void edgeCases() {
    assertThatThrownBy(() -> TfIdfEncoder.defaults().fit(List.of())).isInstanceOf(UserException.class);
    assertThatThrownBy(() -> TfIdfEncoder.defaults().fit(List.of("one text only"))).isInstanceOf(UserException.class)
        .hasMessageContaining("min_df");
    assertThatThrownBy(() -> TfIdfEncoder.defaults().withDimension(-1)).isInstanceOf(UserException.class);
    // Rank 2 corpus, 128 requested: extra components are zero, output keeps 128 columns.
    try (FittedEncoder f = TfIdfEncoder.defaults().withMinDf(1).fit(List.of("red apple", "green pear"))) {
      Embeddings e = f.encode(List.of("red apple", "unknown words only", "red apple"));
      assertThat(e.dim()).isEqualTo(128);
      assertThat(dot(e.row(0), e.row(0))).isCloseTo(1.0, within(1e-5));
      assertThat(dot(e.row(1), e.row(1))).isZero();
      assertThat(e.row(2)).containsExactly(e.row(0));
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return s;
  }

  static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = TfIdfEncoderTest.class.getResourceAsStream("/encode/" + name)) {
      if (in == null) throw new IOException("missing test resource /encode/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
