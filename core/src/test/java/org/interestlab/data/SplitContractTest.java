package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered {@link Splitter} keeps, each kind built as a config builds it
 * ({@link ConfiguredComponents}) and run on a tiny dataset, with {@code k_core: 2} where the kind has
 * it: train and test are disjoint parts of the (k-core of the) input — every interaction is in one
 * of them, except test events whose user or item training never saw, which are dropped as {@link
 * Split} documents (a split that holds items out keeps unseen items, and tests nothing else); tags likewise; the same run seed gives the same split; the input is not
 * changed; values outside a parameter's range are one-line errors naming the key, and values at
 * the ends of the range build and split (or are user errors).
 */
class SplitContractTest {
  private static final int K_CORE = 2;

  static Stream<String> kinds() {
    return ConfiguredComponents.kinds(Stage.SPLIT);
  }

  static Stream<Arguments> acceptedBounds() {
    return ConfiguredComponents.acceptedBounds(Stage.SPLIT);
  }

  /**
   * 12 users × 8 items, 5–9 interactions each at distinct times (one repeated event), a user and an
   * item with a single interaction (removed by the 2-core), and tags spread over the year.
   */
  static Dataset tiny() {
    SplittableRandom rng = new SplittableRandom(17);
    Dataset.Builder b = Dataset.builder("tiny");
    long t = 1_000_000L;
    for (int u = 0; u < 12; u++) {
      int n = 5 + rng.nextInt(5);
      for (int j = 0; j < n; j++) {
        t += 1 + rng.nextInt(3600);
        b.interaction("u" + u, "i" + rng.nextInt(8), 1 + rng.nextInt(5), t, j % 3 == 0 ? "review " + u + "-" + j : null);
      }
      if (u % 4 == 0) b.tag("u" + u, "i" + (u % 8), "tag of u" + u, t - 10);
    }
    b.interaction("u0", "i0", 4, t - 5, null).interaction("u0", "i0", 4, t - 5, null); // the same event twice
    b.interaction("lonely-user", "i1", 3, t + 1, null);
    b.interaction("u1", "rare-item", 2, t + 2, null);
    return b.build();
  }

  private static Splitter build(String kind, long runSeed) {
    return ConfiguredComponents.build(Stage.SPLIT, kind, ConfiguredComponents.declared(Stage.SPLIT, kind, Map.of("k_core", K_CORE)),
        runSeed, Splitter.class);
  }

  /** What the split must account for: the input, or its k-core when the kind filters. */
  private static Dataset expectedInput(String kind, Dataset d) {
    return ConfiguredComponents.spec(Stage.SPLIT, kind).param("k_core") != null ? new KCoreFilter(K_CORE).apply(d) : d;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void trainAndTestPartitionTheInputExceptUnseenTestEvents(String kind) {
    Dataset d = tiny();
    Dataset all = expectedInput(kind, d);
    Splitter splitter = build(kind, 7L);
    boolean cold = splitter.holdsOutItems();
    Split s = splitter.split(d);
    assertThat(s.train().numUsers()).isEqualTo(d.numUsers());
    assertThat(s.train().numItems()).isEqualTo(d.numItems());
    assertThat(s.train().interactions()).as("something trains").isNotEmpty();
    assertThat(s.test().interactions()).as("something is tested").isNotEmpty();
    assertPartition(all.interactions(), s.train().interactions(), s.test().interactions(), s.train(), cold, "interactions");
    assertPartition(all.tags(), s.train().tags(), s.test().tags(), s.train(), cold, "tags");
    boolean[] users = seenUsers(s.train());
    boolean[] items = seenItems(s.train());
    for (Interaction x : s.test().interactions()) {
      assertThat(users[x.user()]).as("test event %s has its user in training", x).isTrue();
      // A split holding items out tests only items training never saw; every other split only items it saw.
      assertThat(items[x.item()]).as("test event %s: its item is in training", x).isEqualTo(!cold);
    }
  }

  /**
   * Counted as multisets (the same event may occur twice): nothing appears in train and test more
   * often than in the input, and what is missing is a test event training could not know.
   */
  private static void assertPartition(List<Interaction> all, List<Interaction> train, List<Interaction> test, Dataset trainSet, boolean cold,
      String what) {
    Map<Interaction, Integer> left = counts(all);
    for (Interaction x : train) take(left, x, what + " in train");
    for (Interaction x : test) take(left, x, what + " in test");
    boolean[] users = seenUsers(trainSet);
    boolean[] items = seenItems(trainSet);
    left.forEach((x, n) -> {
      if (n > 0) assertThat(users[x.user()] && (cold || items[x.item()])).as("%s %s is in neither train nor test", what, x).isFalse();
    });
  }

  private static void take(Map<Interaction, Integer> left, Interaction x, String where) {
    int n = left.getOrDefault(x, 0);
    assertThat(n).as("%s: %s occurs more often than in the input (overlap or invented)", where, x).isPositive();
    left.put(x, n - 1);
  }

  private static Map<Interaction, Integer> counts(List<Interaction> xs) {
    Map<Interaction, Integer> m = new HashMap<>();
    for (Interaction x : xs) m.merge(x, 1, Integer::sum);
    return m;
  }

  private static boolean[] seenUsers(Dataset train) {
    boolean[] seen = new boolean[train.numUsers()];
    for (Interaction x : train.interactions()) seen[x.user()] = true;
    return seen;
  }

  private static boolean[] seenItems(Dataset train) {
    boolean[] seen = new boolean[train.numItems()];
    for (Interaction x : train.interactions()) seen[x.item()] = true;
    return seen;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sameSeedSameSplitAndInputUntouched(String kind) {
    Dataset d = tiny();
    List<Interaction> interactions = new ArrayList<>(d.interactions());
    List<Interaction> tags = new ArrayList<>(d.tags());
    Split a = build(kind, 7L).split(d);
    Split b = build(kind, 7L).split(d);
    assertThat(d.interactions()).isEqualTo(interactions);
    assertThat(d.tags()).isEqualTo(tags);
    assertThat(b.train().interactions()).isEqualTo(a.train().interactions());
    assertThat(b.test().interactions()).isEqualTo(a.test().interactions());
    assertThat(b.train().tags()).isEqualTo(a.train().tags());
    assertThat(b.test().tags()).isEqualTo(a.test().tags());
  }


  @ParameterizedTest(name = "{0}.{1} = {2}")
  @MethodSource("acceptedBounds")
  void valuesAtTheEndsOfARangeBuildAndSplit(String kind, String param, Object value) {
    Splitter splitter;
    try {
      splitter = ConfiguredComponents.build(Stage.SPLIT, kind, Map.of(param, value), Splitter.class);
    } catch (UserException e) {
      return; // refused as the user's mistake, with a message: allowed
    }
    Split s = splitter.split(tiny());
    assertThat(s.train().numUsers()).isEqualTo(tiny().numUsers());
  }
}
