package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ParamSpec;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered {@link Encoder} keeps (as scikit-learn's {@code check_estimator}),
 * each kind built as a config builds it ({@link ConfiguredComponents}), and each {@code engine} once:
 * the same parameters give the same id and vectors, inputs are never mutated, every
 * row has the encoder's dimension, is finite and of unit norm, duplicates give identical rows and a
 * text's row does not depend on its batch, no texts give 0 rows, an empty text gives a row of the
 * same dimension (finite, unit norm or zero) or a user error naming its index, a null text is refused
 * naming its index.
 *
 * <p>The user-model kind ({@code onnx}, required {@code path}) is pointed at a folder holding the
 * built-in MiniLM's {@code model.onnx} and {@code tokenizer.json}.
 */
class EncoderContractTest {
  private static final List<String> CORPUS = List.of("hiking in the mountains", "mountain trails at dawn", "stock prices fell",
      "the bank raised rates", "我喜欢爬山", "股票价格下跌", "hiking in the mountains");

  /** Small-data settings, by parameter name. */
  private static final Map<String, Object> SMALL = Map.of("min_df", 1, "dimension", 4, "batch_size", 4, "device", "cpu");

  @TempDir static Path tmp;

  /**
   * (display name, kind, engine or null): every kind with its default engine, and each other engine
   * value once, on the first kind that accepts it (every sentence kind runs on the same two engine
   * classes, and a PyTorch case costs seconds).
   */
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    Set<String> enginesRun = new HashSet<>();
    ConfiguredComponents.kinds(Stage.ENCODER).forEach(kind -> {
      out.add(Arguments.of(kind, kind, null));
      ParamSpec engine = ConfiguredComponents.spec(Stage.ENCODER, kind).param("engine");
      if (engine == null) return;
      enginesRun.add((String) engine.defaultValue());
      for (String e : engine.allowed()) if (enginesRun.add(e)) out.add(Arguments.of(kind + " (engine: " + e + ")", kind, e));
    });
    return out.stream();
  }

  private static Encoder build(String kind, String engine) throws IOException {
    Map<String, Object> settings = new LinkedHashMap<>(ConfiguredComponents.declared(Stage.ENCODER, kind, SMALL));
    if (engine != null) settings.put("engine", engine);
    if (ConfiguredComponents.spec(Stage.ENCODER, kind).param("path") != null) settings.put("path", userModelDir().toString());
    return ConfiguredComponents.build(Stage.ENCODER, kind, settings, Encoder.class);
  }

  /** A user model folder: links to the built-in MiniLM's files (copied where links are not allowed). */
  private static Path userModelDir() throws IOException {
    Path dir = tmp.resolve("user-model");
    if (Files.isDirectory(dir)) return dir;
    Files.createDirectories(dir);
    SentenceModel builtin = SentenceModel.builtin("minilm-l6");
    link(builtin.modelFile(), dir.resolve("model.onnx"));
    link(builtin.tokenizerFile(), dir.resolve("tokenizer.json"));
    return dir;
  }

  private static void link(Path target, Path link) throws IOException {
    try {
      Files.createSymbolicLink(link, target.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(target, link);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void contract(String name, String kind, String engine) throws IOException {
    List<String> corpus = new ArrayList<>(CORPUS);
    Encoder encoder = build(kind, engine);
    Embeddings first;
    String fittedId;
    try (FittedEncoder f = encoder.fit(corpus)) {
      assertThat(corpus).as("fit leaves its corpus alone").isEqualTo(CORPUS);
      first = f.encode(corpus);
      assertThat(corpus).as("encode leaves its texts alone").isEqualTo(CORPUS);
      fittedId = f.id();
      assertThat(f.dimension()).isPositive();
      assertThat(first.rows()).isEqualTo(corpus.size());
      assertThat(first.dim()).isEqualTo(f.dimension());
      assertThat(first.hasNonFinite()).isFalse();
      for (int i = 0; i < first.rows(); i++) assertThat(normSquared(first.row(i))).as("row %d norm²", i).isCloseTo(1.0, within(1e-4));
      assertThat(first.row(6)).as("duplicate text").containsExactly(first.row(0));
      Embeddings none = f.encode(List.of());
      assertThat(none.rows()).isZero();
      Embeddings alone = f.encode(List.of(corpus.get(2)));
      assertThat(alone.dim()).isEqualTo(f.dimension());
      assertThat(SentenceTestData.cosine(alone.row(0), first.row(2))).as("a text's row does not depend on its batch").isGreaterThan(0.99999);
      emptyTextIsARowOrAUserErrorNamingIt(f);
      List<String> withNull = Arrays.asList("fine", null);
      assertThatThrownBy(() -> f.encode(withNull)).hasMessageContaining("1").hasMessageContaining("null");
    }
    try (FittedEncoder again = build(kind, engine).fit(new ArrayList<>(CORPUS))) {
      assertThat(again.id()).as("same parameters, same id").isEqualTo(fittedId);
      assertThat(again.encode(CORPUS)).as("same parameters, same vectors").isEqualTo(first);
    }
  }

  private static void emptyTextIsARowOrAUserErrorNamingIt(FittedEncoder f) {
    Embeddings e;
    try {
      e = f.encode(List.of("fine", ""));
    } catch (UserException error) {
      assertThat(error.getMessage()).doesNotContain("\n").contains("1").containsIgnoringCase("empty");
      return;
    }
    assertThat(e.rows()).isEqualTo(2);
    assertThat(e.dim()).isEqualTo(f.dimension());
    assertThat(e.hasNonFinite()).isFalse();
    double n = normSquared(e.row(1));
    assertThat(n == 0 || Math.abs(n - 1) < 1e-4).as("empty text's row: unit norm or zero, was norm² %s", n).isTrue();
  }

  private static double normSquared(float[] r) {
    double n = 0;
    for (float v : r) n += v * v;
    return n;
  }
}
