package org.interestlab.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.encode.Encoder;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered profiler keeps, built from the registry exactly as a config builds
 * it (default parameters), given what it asks for (a fitted encoder over its corpus, item vectors):
 * one finite row per user, present exactly for the users with events in the history transformed;
 * the same seed gives the same profiles; fitting and transforming mutate nothing; a history cut
 * earlier profiles only the users active before the cut; a bad parameter is a one-line error
 * naming its key.
 */
class ProfilerContractTest {
  static final int USERS = 12;
  static final int ITEMS = 20;
  static final long CUT = 1_600_000_000L + 40 * 3600;
  static final String[] WORDS = {"jazz", "piano", "trail", "summit", "bread", "oven", "chess", "opening", "violin", "river"};

  static FittedEncoder encoder;
  static Embeddings itemVectors;
  static Dataset data;

  static Stream<String> kinds() {
    return ConfiguredComponents.kinds(Stage.PROFILE);
  }

  static UserProfiler build(String kind, long seed, Map<String, Object> params) {
    return ConfiguredComponents.build(Stage.PROFILE, kind, params, seed, UserProfiler.class);
  }

  @BeforeAll
  static void fitEncoder() {
    data = tinyData();
    List<String> corpus = new ArrayList<>(data.items().stream().map(Item::fullText).toList());
    kinds().forEach(kind -> corpus.addAll(build(kind, 1L, Map.of()).encoderCorpus(data)));
    Encoder e = ConfiguredComponents.build(Stage.ENCODER, "tfidf", Map.of("dimension", 0, "min_df", 1), 3L, Encoder.class);
    encoder = e.fit(corpus);
    itemVectors = encoder.encode(data.items().stream().map(Item::fullText).toList());
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  /** Twelve users (user 11 has no events) over twenty items, each with a two-word text; some events carry a review. */
  static Dataset tinyData() {
    Dataset.Builder b = Dataset.builder("tiny");
    for (int i = 0; i < ITEMS; i++) b.item(new Item("i" + i, WORDS[i % 10] + " " + WORDS[(i * 3 + 1) % 10], "", List.of()));
    SplittableRandom rng = new SplittableRandom(2);
    long t = 1_600_000_000L;
    for (int u = 0; u < USERS; u++) {
      b.user(new User("u" + u, Map.of()));
      if (u == USERS - 1) continue;
      for (int e = 0; e < 4 + u % 5; e++) {
        String review = rng.nextInt(3) == 0 ? "loved the " + WORDS[rng.nextInt(10)] : null;
        b.interaction("u" + u, "i" + rng.nextInt(ITEMS), 1, t += 1800 + rng.nextInt(7200), review);
      }
    }
    return b.build();
  }

  static UserProfiles fitTransform(UserProfiler p, Dataset history) {
    return p.fit(data, encoder, itemVectors).transform(history);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void oneFiniteRowPerUserPresentExactlyWithEvents(String kind) {
    UserProfiles p = fitTransform(build(kind, 1L, Map.of()), data);
    assertThat(p.vectors().rows()).isEqualTo(USERS);
    for (int u = 0; u < USERS; u++) {
      assertThat(p.isPresent(u)).as(kind + ": present user " + u).isEqualTo(u != USERS - 1);
      for (float v : p.vectors().row(u)) assertThat(Float.isFinite(v)).as(kind + ": finite profile of user " + u).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aHistoryCutEarlierProfilesOnlyTheUsersActiveBeforeTheCut(String kind) {
    List<Interaction> early = data.interactions().stream().filter(i -> i.timestamp() < CUT).toList();
    Dataset upTo = data.withInteractions(early, List.of());
    UserProfiles p = fitTransform(build(kind, 1L, Map.of()), upTo);
    boolean[] active = new boolean[USERS];
    for (Interaction i : early) active[i.user()] = true;
    for (int u = 0; u < USERS; u++) assertThat(p.isPresent(u)).as(kind + ": present before the cut, user " + u).isEqualTo(active[u]);
    assertThat(active).as("the cut leaves some users out and keeps some").contains(true, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sameSeedSameProfilesAndNothingIsMutated(String kind) {
    float[] itemsBefore = itemVectors.data().clone();
    List<Interaction> interactionsBefore = List.copyOf(data.interactions());
    UserProfiles a = fitTransform(build(kind, 9L, Map.of()), data);
    UserProfiles b = fitTransform(build(kind, 9L, Map.of()), data);
    assertThat(b.vectors().data()).as(kind + ": same seed").containsExactly(a.vectors().data());
    if (a.hasInterests()) assertThat(b.interestVectors().data()).containsExactly(a.interestVectors().data());
    assertThat(itemVectors.data()).as(kind + ": item vectors unchanged").containsExactly(itemsBefore);
    assertThat(data.interactions()).as(kind + ": interactions unchanged").isEqualTo(interactionsBefore);
  }
}
