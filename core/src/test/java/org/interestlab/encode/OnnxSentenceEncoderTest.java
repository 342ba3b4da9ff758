package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interestlab.encode.SentenceTestData.cosine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance tests of the ONNX Runtime path against langchain4j's own in-process implementation of the
 * same models (its tokenisation, its ONNX Runtime session, its pooling), on fixed sentences.
 */
class OnnxSentenceEncoderTest {
  @BeforeAll
  static void startDjlOnnxRuntimeBeforeLangchain4j() {
    OnnxSentenceEncoder.ortEngine();
  }

  @Test
  void minilmMatchesLangchain4j() {
    List<String> texts = SentenceTestData.labelled("en").texts().subList(0, 24);
    compareWithReference(OnnxSentenceEncoder.of("minilm-l6"), new AllMiniLmL6V2EmbeddingModel(), texts, 384);
  }

  @Test
  void bgeSmallZhMatchesLangchain4j() {
    List<String> texts = SentenceTestData.labelled("zh").texts().subList(0, 24);
    compareWithReference(OnnxSentenceEncoder.of("bge-small-zh"), new BgeSmallZhV15EmbeddingModel(), texts, 512);
  }

  private static void compareWithReference(OnnxSentenceEncoder encoder, EmbeddingModel reference, List<String> texts, int dim) {
    List<Embedding> ref = reference.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    try (FittedEncoder enc = encoder.fit(List.of())) {
      assertThat(enc.dimension()).isEqualTo(dim);
      Embeddings ours = enc.encode(texts);
      assertThat(ours.rows()).isEqualTo(texts.size());
      double worst = 1;
      for (int i = 0; i < texts.size(); i++) {
        double c = cosine(ours.row(i), ref.get(i).vector());
        worst = Math.min(worst, c);
        assertThat(c).as("cosine with langchain4j, text %d: %s", i, texts.get(i)).isGreaterThanOrEqualTo(0.99999);
      }
      System.out.printf("%s vs langchain4j: min cosine %.9f (1 - cos = %.1e) over %d texts%n", enc.id(), worst, 1 - worst, texts.size());
    }
  }

  @Test
  void batchOfOneEqualsPaddedBatch() {
    for (String lang : List.of("en", "zh")) {
      List<String> texts = SentenceTestData.varied(lang, 60);
      OnnxSentenceEncoder single = OnnxSentenceEncoder.builder().setModel(lang.equals("en") ? "minilm-l6" : "bge-small-zh")
          .optBatchSize(1).build();
      OnnxSentenceEncoder batched = OnnxSentenceEncoder.builder().setModel(single.model()).optBatchSize(16).build();
      try (FittedEncoder one = single.fit(List.of()); FittedEncoder many = batched.fit(List.of())) {
        // Reverse order so batches differ from any sorted order the encoder uses.
        List<String> reversed = new ArrayList<>(texts);
        java.util.Collections.reverse(reversed);
        Embeddings a = one.encode(texts);
        Embeddings b = many.encode(reversed);
        double worst = 1;
        for (int i = 0; i < texts.size(); i++) worst = Math.min(worst, cosine(a.row(i), b.row(texts.size() - 1 - i)));
        System.out.printf("%s: batch 1 vs padded batch 16, min cosine %.9f (1 - cos = %.1e)%n", one.id(), worst, 1 - worst);
        assertThat(worst).isGreaterThanOrEqualTo(0.99999);
      }
    }
  }

  @Test
  void nearestNeighbourTopicAccuracyBeatsTfIdf() {
    for (String lang : List.of("en", "zh")) {
      SentenceTestData.Labelled data = SentenceTestData.labelled(lang);
      assertThat(data.texts()).hasSizeGreaterThanOrEqualTo(40);
      assertThat(data.labels().stream().distinct().count()).isGreaterThanOrEqualTo(4);
      double lm;
      try (FittedEncoder enc = OnnxSentenceEncoder.of(lang.equals("en") ? "minilm-l6" : "bge-small-zh").fit(List.of())) {
        lm = SentenceTestData.nearestNeighbourAccuracy(enc.encode(data.texts()), data.labels());
      }
      double tfidf;
      try (FittedEncoder enc = TfIdfEncoder.defaults().withMinDf(1).fit(data.texts())) {
        tfidf = SentenceTestData.nearestNeighbourAccuracy(enc.encode(data.texts()), data.labels());
      }
      System.out.printf("%s: 1-NN topic accuracy language model %.3f, tf-idf %.3f%n", lang, lm, tfidf);
      assertThat(lm).isGreaterThanOrEqualTo(0.9);
      assertThat(lm).isGreaterThan(tfidf);
    }
  }

  @Test
  void ordersEmptyAndRepeatedInputs() {
    try (FittedEncoder enc = OnnxSentenceEncoder.of("minilm-l6").fit(List.of())) {
      assertThat(enc.encode(List.of()).rows()).isZero();
      Embeddings e = enc.encode(List.of("a cat", "", "a cat"));
      assertThat(e.row(0)).containsExactly(e.row(2));
      double n = 0;
      for (float v : e.row(1)) n += v * v;
      assertThat(n).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5)); // [CLS][SEP] still pools to a unit vector
    }
  }

  @Test
  void longTextsAreTruncatedToMaxLengthTokens() {
    // Common English words are one WordPiece each: with max_length 16 the model sees [CLS] + the first
    // 14 words + [SEP], exactly what it sees for the 14-word prefix itself.
    String[] words = ("people like music and films about travel food books sports games news weather history science "
        + "art politics money health family friends work school").split(" ");
    String full = String.join(" ", words);
    String prefix = String.join(" ", java.util.Arrays.copyOf(words, 14));
    try (FittedEncoder short16 = OnnxSentenceEncoder.builder().setModel("minilm-l6").optMaxLength(16).build().fit(List.of());
         FittedEncoder normal = OnnxSentenceEncoder.of("minilm-l6").fit(List.of())) {
      Embeddings truncated = short16.encode(List.of(full));
      Embeddings ref = normal.encode(List.of(prefix, full));
      assertThat(cosine(truncated.row(0), ref.row(0))).isGreaterThan(0.99999);
      assertThat(cosine(truncated.row(0), ref.row(1))).isLessThan(0.999);
    }
  }

  @Test
  void userModelDirectory(@TempDir Path tmp) throws Exception {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> OnnxSentenceEncoder.builder().setModelDir(missing).build().fit(List.of()))
        .isInstanceOf(UserException.class).hasMessageContaining(missing.toString()).hasMessageContaining("model.onnx");
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    SentenceModel builtin = SentenceModel.builtin("minilm-l6");
    Files.copy(builtin.modelFile(), dir.resolve("model.onnx"));
    assertThatThrownBy(() -> OnnxSentenceEncoder.builder().setModelDir(dir).build().fit(List.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("tokenizer.json");
    Files.copy(builtin.tokenizerFile(), dir.resolve("tokenizer.json"));
    List<String> texts = List.of("Hiking in the Alps", "Stock prices rose");
    try (FittedEncoder mine = OnnxSentenceEncoder.builder().setModelDir(dir).optPooling(Pooling.MEAN).build().fit(List.of());
         FittedEncoder ref = OnnxSentenceEncoder.of("minilm-l6").fit(List.of())) {
      assertThat(mine.dimension()).isEqualTo(384);
      assertThat(mine.id()).contains(builtin.weightsSha256().substring(0, 16));
      Embeddings a = mine.encode(texts);
      Embeddings b = ref.encode(texts);
      for (int i = 0; i < texts.size(); i++) assertThat(cosine(a.row(i), b.row(i))).isGreaterThan(0.999999);
    }
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> OnnxSentenceEncoder.builder().build()).isInstanceOf(UserException.class);
    assertThatThrownBy(() -> OnnxSentenceEncoder.of("gpt-5")).isInstanceOf(UserException.class).hasMessageContaining("minilm-l6");
    assertThatThrownBy(() -> OnnxSentenceEncoder.builder().setModel("minilm-l6").optMaxLength(1000).build())
        .isInstanceOf(UserException.class).hasMessageContaining("max_length");
    assertThatThrownBy(() -> Pooling.parse("max", "x.yaml: encoder.pooling")).isInstanceOf(UserException.class)
        .hasMessageContaining("mean, cls");
    assertThat(OnnxSentenceEncoder.of("bge-small-zh").effectivePooling()).isEqualTo(Pooling.CLS);
  }

  @Test
  void extractionIsVerifiedAndRepairsATruncatedFile(@TempDir Path tmp) throws Exception {
    SentenceModel m = SentenceModel.builtin("bge-small-zh", tmp);
    assertThat(m.modelFile()).isEqualTo(tmp.resolve("bge-small-zh/model.onnx"));
    try (var files = Files.list(tmp.resolve("bge-small-zh"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.onnx", "tokenizer.json");
    }
    // Independent check of the stored hash: hash the resource straight from the jar.
    try (var in = getClass().getClassLoader().getResourceAsStream("bge-small-zh-v1.5-tokenizer.json")) {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(in.readAllBytes());
      String jarSha = java.util.HexFormat.of().formatHex(md.digest());
      assertThat(SentenceModel.sha256(m.tokenizerFile())).isEqualTo(jarSha);
    }
    long size = Files.size(m.tokenizerFile());
    Files.write(m.tokenizerFile(), new byte[10]);
    SentenceModel again = SentenceModel.builtin("bge-small-zh", tmp);
    assertThat(Files.size(again.tokenizerFile())).isEqualTo(size);
  }
}
