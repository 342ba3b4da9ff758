package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.Engines;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.params.ParameterException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * EASE against numpy's float64 closed form ({@code recommend/ease_reference.py}, output committed as
 * {@code ease_expected.json}): exact answers on a 5 × 4 matrix, and the float32 solve's error and
 * ranking agreement on a 250 × 80 long-tailed matrix.
 */
class EaseRecommenderTest {
  private static final Map<String, Object> EXPECTED = loadJson("recommend/ease_expected.json");

  /**
   * Text as side information (collective EASE): scores equal numpy's float64 solve of
   * XᵀX + α·F·Fᵀ + λI ({@code src/test/resources/recommend/ease_text_reference.py}, printed values
   * below); an item without content adds nothing. u4 saw only i0; without text i1 and i2 tie (each
   * co-occurs once with i0), with text i1 — whose vector is closer to i0's (cosine 0.8 against 0.6) —
   * comes first.
   */
  @Test
  void textAsSideInformationMatchesNumpy() {
    Dataset.Builder b = Dataset.builder("t");
    for (int i = 0; i < 4; i++) b.item(new Item("i" + i, "", "", List.of()));
    int[][] histories = {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0}};
    for (int u = 0; u < histories.length; u++) for (int i : histories[u]) b.interaction("u" + u, "i" + i, 5, i, "");
    Dataset d = b.build();
    Embeddings vectors = new Embeddings(4, 3, new float[] {3, 4, 0, 0, 1, 0, 2, 0, 0, 9, 9, 9});
    TrainingData td = new TrainingData(d, null, vectors, null, new boolean[] {true, true, true, false});
    EaseRecommender withText = new EaseRecommender(1, 2, "cpu");
    assertThat(withText.needsItemVectors()).isTrue();
    try (FittedRecommender model = withText.fit(td)) {
      int u4 = d.userIndex("u4");
      int u0 = d.userIndex("u0");
      assertThat(model.scores(u4)).containsExactly(new double[] {0, 0.5555555556, 0.524168236, -0.2608695652}, within(1e-5));
      assertThat(model.scores(u0)).containsExactly(new double[] {0.5938461538, 0.5555555556, 0.160703076, 0.0747826087}, within(1e-5));
    }
    EaseRecommender plain = new EaseRecommender(1, 0, "cpu");
    assertThat(plain.needsItemVectors()).isFalse();
    try (FittedRecommender model = plain.fit(td)) {
      double[] s = model.scores(d.userIndex("u4"));
      assertThat(s[1]).isEqualTo(s[2]);
    }
  }

  /**
   * The users' own text as extra columns of X: scores equal numpy's float64 solve over [X | β·V]
   * ({@code src/test/resources/recommend/ease_user_text_reference.py}, printed values below), with and without
   * the items' text. u4 saw only i0, like u0 and u1; without text i1 and i2 tie, with it u4 — whose profile
   * points where u1's does, and u1 bought i2 — gets i2 first.
   */
  @Test
  void usersTextAsExtraColumnsMatchesNumpy() {
    Dataset.Builder b = Dataset.builder("t");
    for (int i = 0; i < 4; i++) b.item(new Item("i" + i, "", "", List.of()));
    int[][] histories = {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0}};
    for (int u = 0; u < histories.length; u++) for (int i : histories[u]) b.interaction("u" + u, "i" + i, 5, i, "");
    Dataset d = b.build();
    float[][] byUser = {{1, 0}, {0, 2}, {3, 4}, {0, 0}, {0, 5}};
    float[] profiles = new float[10];
    for (int u = 0; u < 5; u++) System.arraycopy(byUser[u], 0, profiles, 2 * d.userIndex("u" + u), 2);
    boolean[] present = new boolean[5];
    Arrays.fill(present, true);
    present[d.userIndex("u3")] = false;
    Embeddings items = new Embeddings(4, 3, new float[] {3, 4, 0, 0, 1, 0, 2, 0, 0, 0, 0, 1});
    TrainingData td = new TrainingData(d, new org.interestlab.profile.UserProfiles(new Embeddings(5, 2, profiles), present), items, null);
    int u4 = d.userIndex("u4");
    int u0 = d.userIndex("u0");
    EaseRecommender usersText = new EaseRecommender(1, 0, 1.5, "cpu");
    assertThat(usersText.needsItemVectors()).isTrue();
    try (FittedRecommender model = usersText.fit(td)) {
      assertThat(model.scores(u4)).containsExactly(new double[] {0.5689578845, 0.1342000563, 0.3886041382, -0.0789618356}, within(1e-5));
      assertThat(model.scores(u0)).containsExactly(new double[] {0.523182717, 0.8097149022, -0.0545530932, 0.1397239663}, within(1e-5));
    }
    try (FittedRecommender model = new EaseRecommender(1, 2, 1.5, "cpu").fit(td)) {
      assertThat(model.scores(u4)).containsExactly(new double[] {0.4474195584, 0.3418493573, 0.5222817956, -0.069131237}, within(1e-5));
      assertThat(model.scores(u0)).containsExactly(new double[] {0.5737117237, 1.0501699351, 0.0970645891, 0.1245341699}, within(1e-5));
    }
    try (FittedRecommender plain = new EaseRecommender(1, 0, 0, "cpu").fit(td)) {
      double[] s = plain.scores(u4);
      assertThat(s[1]).isEqualTo(s[2]);
    }
  }

  @Test
  void tinyMatrixGivesNumpysWeightsScoresAndTopLists() throws Exception {
    Map<String, Object> c = map(EXPECTED.get("tiny"));
    TrainingData td = TrainingData.of(dataset(c));
    double[][] expectedScores = matrix(c.get("scores"));
    List<List<Integer>> expectedTop = lists(c.get("top"));
    try (FittedRecommender model = new EaseRecommender(num(c.get("lambda")), "cpu").fit(td)) {
      int[] users = {0, 1, 2, 3, 4};
      double[][] batch = model.scores(users);
      TopKRecommendations top = new TopKRecommendations(model, td);
      for (int u : users) {
        for (int i = 0; i < expectedScores[u].length; i++) {
          assertThat(batch[u][i]).as("score of user %d, item %d", u, i).isCloseTo(expectedScores[u][i], within(1e-5));
        }
        assertThat(top.forUser(u, (Integer) c.get("k"))).as("top-k of user %d", u)
            .containsExactly(expectedTop.get(u).stream().mapToInt(Integer::intValue).toArray());
      }
      double[][] b = matrix(c.get("B"));
      for (int i = 0; i < b.length; i++) {
        for (int j = 0; j < b.length; j++) assertThat(weight(model, i, j)).as("B[%d][%d]", i, j).isCloseTo(b[i][j], within(1e-6));
      }
    }
  }

  @Test
  void float32SolveMatchesFloat64OnALongTailedMatrix() throws Exception {
    Map<String, Object> c = map(EXPECTED.get("realistic"));
    TrainingData td = TrainingData.of(dataset(c));
    double[][] b64 = matrix(c.get("B"));
    List<List<Integer>> expectedTop = lists(c.get("top"));
    int users = expectedTop.size();
    int items = b64.length;
    double largest = 0;
    for (double[] r : b64) for (double v : r) largest = Math.max(largest, Math.abs(v));
    try (FittedRecommender model = new EaseRecommender(num(c.get("lambda")), "cpu").fit(td)) {
      // B differs from float64's by < 1e-5 of B's largest entry.
      double worst = 0;
      for (int i = 0; i < items; i++) {
        for (int j = 0; j < items; j++) worst = Math.max(worst, Math.abs(weight(model, i, j) - b64[i][j]));
      }
      assertThat(worst / largest).as("max |B32 - B64| / max |B64|").isLessThan(1e-5);
      // Top-10 lists: the same items in the same order for (nearly) every user; a swap of two near-tied items is allowed.
      TopKRecommendations top = new TopKRecommendations(model, td);
      int identical = 0;
      int sameSets = 0;
      for (int u = 0; u < users; u++) {
        int[] got = top.forUser(u, 10);
        int[] want = expectedTop.get(u).stream().mapToInt(Integer::intValue).toArray();
        if (Arrays.equals(got, want)) identical++;
        if (Arrays.equals(Arrays.stream(got).sorted().toArray(), Arrays.stream(want).sorted().toArray())) sameSets++;
      }
      assertThat(identical).as("users whose top-10 equals float64's, in order").isGreaterThanOrEqualTo(users - 2);
      assertThat(sameSets).as("users whose top-10 set equals float64's").isGreaterThanOrEqualTo(users - 1);
    }
  }

  @Test
  void lambdaMustBePositiveAndTheDeviceKnown() {
    assertThatThrownBy(() -> new EaseRecommender(0, "cpu")).isInstanceOf(ParameterException.class).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new EaseRecommender(100, "tpu")).isInstanceOf(ParameterException.class).hasMessageContaining("device");
    assertThat(EaseRecommender.defaults()).isEqualTo(new EaseRecommender(100, "auto"));
  }

  @Test
  void aGpuAskedForWhereNoneExistsIsAUserErrorNamingTheKey() {
    assumeTrue(Engines.pytorch().getGpuCount() == 0, "this machine has a GPU");
    TrainingData td = TrainingData.of(dataset(map(EXPECTED.get("tiny"))));
    assertThatThrownBy(() -> new EaseRecommender(100, "gpu").fit(td)).isInstanceOf(UserException.class)
        .hasMessageContaining("recommenders.ease.device").hasMessageContaining("'gpu'");
  }

  private static double weight(FittedRecommender model, int from, int to) {
    return ((EaseRecommender.Fitted) model).weight(from, to);
  }

  private static Dataset dataset(Map<String, Object> c) {
    List<List<Integer>> rows = lists(c.get("rows"));
    int items = (Integer) c.get("items");
    Dataset.Builder b = Dataset.builder("ease-reference");
    for (int i = 0; i < items; i++) b.item(new Item("i" + i, "item " + i, "", List.of()));
    long t = 1_600_000_000L;
    for (int u = 0; u < rows.size(); u++) {
      b.user(new User("u" + u, Map.of()));
      for (int i : rows.get(u)) b.interaction("u" + u, "i" + i, 1.0, t++, null);
    }
    return b.build();
  }

  private static Map<String, Object> loadJson(String path) {
    try (InputStream in = EaseRecommenderTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing test resource " + path);
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<List<Integer>> lists(Object o) {
    return (List<List<Integer>>) o;
  }

  private static double[][] matrix(Object o) {
    List<?> rows = (List<?>) o;
    double[][] out = new double[rows.size()][];
    for (int r = 0; r < out.length; r++) out[r] = ((List<?>) rows.get(r)).stream().mapToDouble(EaseRecommenderTest::num).toArray();
    return out;
  }

  /** Python's json may write 1e-05 style numbers, which YAML 1.1 reads as strings: parse the text. */
  private static double num(Object v) {
    return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
  }
}
