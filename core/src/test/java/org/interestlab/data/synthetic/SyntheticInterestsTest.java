package org.interestlab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Item;
import org.interestlab.data.synthetic.GroundTruth.DriftEvent;
import org.interestlab.data.synthetic.GroundTruth.UserTruth;
import org.interestlab.data.synthetic.SyntheticInterests.Params;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the default generation, with expected values derived from the parameters by hand
 * (binomial tolerances of at least three standard deviations).
 */
class SyntheticInterestsTest {
  private static final long JAN_1 = LocalDate.of(2023, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long JUL_1 = LocalDate.of(2023, 7, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long NEXT_JAN_1 = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  private static SyntheticData data;
  private static Dataset dataset;
  private static GroundTruth truth;
  private static int[] itemTopic;
  private static List<List<Interaction>> byUser;

  @BeforeAll
  static void generate() {
    data = SyntheticInterests.generate(Params.defaults());
    dataset = data.dataset();
    truth = data.truth();
    itemTopic = truth.itemTopics(dataset);
    byUser = new ArrayList<>();
    for (int u = 0; u < dataset.numUsers(); u++) byUser.add(new ArrayList<>());
    for (Interaction e : dataset.interactions()) byUser.get(e.user()).add(e);
  }

  @Test
  void splitMix64MatchesTheJdkReferenceSequence() {
    // SplittableRandom(seed).nextLong() is SplitMix64 with the same gamma and finaliser.
    for (long seed : new long[] {0L, 42L, -7L, 1234567L}) {
      SplittableRandom ref = new SplittableRandom(seed);
      SeededRandom mine = SeededRandom.ofState(seed);
      for (int i = 0; i < 100; i++) assertThat(mine.nextLong()).isEqualTo(ref.nextLong());
    }
  }

  @Test
  void boundedDrawsAreUniform() {
    SeededRandom r = SeededRandom.stream(1, "uniformity");
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) counts[r.nextInt(7)]++;
    // Expected 10,000 each; sd = sqrt(70000 * 1/7 * 6/7) ≈ 92.6.
    for (int c : counts) assertThat(c).isBetween(9_600, 10_400);
    double sum = 0;
    for (int i = 0; i < 100_000; i++) sum += r.nextDouble();
    assertThat(sum / 100_000).isCloseTo(0.5, within(0.005));
  }

  @Test
  void sizesAndIdsFollowTheParameters() {
    assertThat(dataset.name()).isEqualTo("synthetic-interests");
    assertThat(dataset.numUsers()).isEqualTo(3000);
    assertThat(dataset.numItems()).isEqualTo(1000);
    assertThat(dataset.users().get(0).id()).isEqualTo("u0001");
    assertThat(dataset.users().get(2999).id()).isEqualTo("u3000");
    assertThat(dataset.items().get(0).id()).isEqualTo("i0001");
    assertThat(dataset.items().get(999).id()).isEqualTo("i1000");
    assertThat(truth.numTopics()).isEqualTo(13);
    assertThat(truth.topics().stream().map(GroundTruth.Topic::name).toList()).containsExactly(
        "travel", "food & cooking", "art", "music", "sports", "technology", "finance", "health & fitness",
        "gaming", "movies & TV", "science", "fashion", "AI art");
    assertThat(truth.emergingTopic().name()).isEqualTo("AI art");
    assertThat(truth.emergingStart()).isEqualTo(LocalDate.of(2023, 7, 1));
    assertThat(truth.emergingTopic().availableFromTimestamp()).isEqualTo(JUL_1);
    assertThat(truth.emergingStartTimestamp()).isEqualTo(1_688_169_600L); // 2023-07-01T00:00:00Z
    assertThat(truth.topicNames()).hasSize(13).endsWith("AI art");
    Item first = dataset.items().get(0);
    assertThat(truth.topicOf(first)).isEqualTo(first.categories().get(0)).isEqualTo(truth.topicOf(first.id()));
  }

  @Test
  void itemsAreSplitEvenlyOverTopicsAndCategoriesNameThem() {
    int[] perTopic = new int[13];
    int secondary = 0;
    for (int i = 0; i < dataset.numItems(); i++) {
      perTopic[itemTopic[i]]++;
      Item it = dataset.items().get(i);
      assertThat(it.title()).isNotBlank();
      assertThat(it.text()).isNotBlank().endsWith(".");
      assertThat(it.categories().get(0)).isEqualTo(truth.topicName(itemTopic[i]));
      GroundTruth.ItemTruth t = truth.items().get(i);
      if (t.hasSecondaryTopic()) {
        secondary++;
        assertThat(t.secondaryTopic()).isNotEqualTo(t.topic());
        assertThat(it.categories()).containsExactly(truth.topicName(t.topic()), truth.topicName(t.secondaryTopic()));
      } else {
        assertThat(it.categories()).hasSize(1);
      }
    }
    // (1000 - 40) / 12 = 80 items per base topic, 40 emerging.
    for (int t = 0; t < 12; t++) assertThat(perTopic[t]).isEqualTo(80);
    assertThat(perTopic[12]).isEqualTo(40);
    // 8% of 1000: sd ≈ 8.6.
    assertThat(secondary).isBetween(50, 110);
  }

  @Test
  void interactionsAreWellFormed() {
    int n = dataset.interactions().size();
    // Log-uniform count on [15, 61) floored: mean = (61 - 15) / ln(61/15) - 0.5 ≈ 32.29; sd of the
    // mean over 3000 users ≈ 13 / sqrt(3000) ≈ 0.24.
    assertThat(n / 3000.0).isCloseTo(46 / Math.log(61.0 / 15) - 0.5, within(0.8));
    long last = Long.MIN_VALUE;
    for (Interaction e : dataset.interactions()) {
      assertThat(e.timestamp()).isGreaterThanOrEqualTo(last).isBetween(JAN_1, NEXT_JAN_1 - 1);
      last = e.timestamp();
      assertThat(e.rating()).isIn(1.0, 2.0, 3.0, 4.0, 5.0);
    }
    for (List<Interaction> l : byUser) {
      assertThat(l.size()).isBetween(15, 60);
      Set<Integer> items = new HashSet<>();
      for (Interaction e : l) assertThat(items.add(e.item())).as("an item twice for one user").isTrue();
    }
  }

  @Test
  void everyUserHasAPrimaryInterestWithWeightAtLeastHalf() {
    int[] primary = truth.primaryInterest(dataset);
    assertThat(primary).hasSize(3000);
    int[] interestCounts = new int[4];
    for (int u = 0; u < 3000; u++) {
      UserTruth t = truth.users().get(u);
      assertThat(t.userId()).isEqualTo(dataset.users().get(u).id());
      assertThat(primary[u]).isBetween(0, 12);
      assertThat(t.interests()).doesNotHaveDuplicates().allMatch(x -> x >= 0 && x < 12);
      assertThat(t.weights().get(0)).isGreaterThanOrEqualTo(0.5);
      double sum = 0;
      for (double w : t.weights()) {
        assertThat(w * 100).isCloseTo(Math.rint(w * 100), within(1e-9));
        assertThat(w).isLessThanOrEqualTo(t.weights().get(0));
        sum += w;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
      interestCounts[t.interests().size()]++;
    }
    // interestCountShares 0.4, 0.4, 0.2: sd ≤ sqrt(3000 * 0.24) ≈ 27.
    assertThat(interestCounts[1]).isBetween(1200 - 90, 1200 + 90);
    assertThat(interestCounts[2]).isBetween(1200 - 90, 1200 + 90);
    assertThat(interestCounts[3]).isBetween(600 - 75, 600 + 75);
  }

  @Test
  void primaryInterestsFollowTheTopicPopularity() {
    double[] popularity = truth.topics().stream().mapToDouble(GroundTruth.Topic::popularity).toArray();
    assertThat(popularity[12]).isZero();
    double sum = 0;
    double max = 0;
    double min = 1;
    for (int t = 0; t < 12; t++) {
      sum += popularity[t];
      max = Math.max(max, popularity[t]);
      min = Math.min(min, popularity[t]);
    }
    assertThat(sum).isCloseTo(1.0, within(0.0006));
    // Weights 1/rank^0.5 for ranks 1..12: the most popular over the least is sqrt(12).
    assertThat(max / min).isCloseTo(Math.sqrt(12), within(0.01));
    // The first interest is a draw from the popularity: binomial counts, 4 standard deviations.
    int[] initial = new int[13];
    for (UserTruth t : truth.users()) initial[t.primaryInitial()]++;
    for (int t = 0; t < 12; t++) {
      double expected = 3000 * popularity[t];
      assertThat((double) initial[t]).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - popularity[t]))));
    }
  }

  @Test
  void driftFractionsAndEventsMatchTheParameters() {
    int toBase = 0;
    int toEmerging = 0;
    long driftStart = LocalDate.of(2023, 3, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long driftEnd = LocalDate.of(2023, 11, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    for (UserTruth t : truth.users()) {
      if (t.drift().isEmpty()) {
        assertThat(t.primaryFinal()).isEqualTo(t.primaryInitial());
        continue;
      }
      DriftEvent d = t.drift().get();
      assertThat(d.from()).isEqualTo(t.primaryInitial());
      assertThat(d.to()).isNotEqualTo(d.from());
      assertThat(t.primaryFinal()).isEqualTo(d.to());
      assertThat(t.primaryAt(d.timestamp() - 1)).isEqualTo(d.from());
      assertThat(t.primaryAt(d.timestamp())).isEqualTo(d.to());
      if (d.to() == 12) {
        toEmerging++;
        assertThat(d.timestamp()).isBetween(JUL_1, JUL_1 + 92 * 86_400L - 1);
      } else {
        toBase++;
        assertThat(d.timestamp()).isBetween(driftStart, driftEnd - 1);
      }
    }
    assertThat(truth.driftEvents()).hasSize(toBase + toEmerging);
    // 15% of 3000 = 450 (sd 19.6); 8% = 240 (sd 14.9).
    assertThat(toBase / 3000.0).isCloseTo(0.15, within(0.02));
    assertThat(toEmerging / 3000.0).isCloseTo(0.08, within(0.015));
  }

  @Test
  void laterInteractionsOfDriftersFollowTheNewInterest() {
    int before = 0;
    int beforeOnOld = 0;
    int after = 0;
    int afterOnNew = 0;
    for (int u = 0; u < 3000; u++) {
      UserTruth t = truth.users().get(u);
      if (t.drift().isEmpty()) continue;
      DriftEvent d = t.drift().get();
      for (Interaction e : byUser.get(u)) {
        if (e.timestamp() < d.timestamp()) {
          before++;
          if (itemTopic[e.item()] == d.from()) beforeOnOld++;
        } else {
          after++;
          if (itemTopic[e.item()] == d.to()) afterOnNew++;
        }
      }
    }
    // The primary weight averages about 0.84 (0.4 · 1 + 0.4 · 0.8125 + 0.2 · 0.708), times 0.9 non-noise.
    assertThat(beforeOnOld / (double) before).isGreaterThan(0.6);
    assertThat(afterOnNew / (double) after).isGreaterThan(0.6);
  }

  @Test
  void theEmergingTopicHasNoInteractionBeforeItsStartAndGrowsAfter() {
    int[] byMonth = new int[12];
    for (Interaction e : dataset.interactions()) {
      if (itemTopic[e.item()] != 12) continue;
      assertThat(e.timestamp()).isGreaterThanOrEqualTo(JUL_1);
      byMonth[java.time.Instant.ofEpochSecond(e.timestamp()).atZone(ZoneOffset.UTC).getMonthValue() - 1]++;
    }
    for (int m = 6; m < 12; m++) assertThat(byMonth[m]).isPositive();
    // Adopters arrive through July to September, so the last quarter has more than July.
    assertThat(byMonth[11]).isGreaterThan(byMonth[6]);
    int finalEmerging = 0;
    for (int f : truth.finalInterest(dataset)) if (f == 12) finalEmerging++;
    assertThat(finalEmerging).isEqualTo((int) truth.users().stream()
        .filter(t -> t.drift().isPresent() && t.drift().get().to() == 12).count());
  }

  @Test
  void offInterestShareIsWhatTheNoiseShareImplies() {
    // A noise draw is uniform over the items available then; it lands off the user's interests
    // with probability 1 - (items of the current interests) / (available items). Without noise
    // every interaction is on-interest, so the expected off-interest share is the noise share
    // times that probability, averaged over interactions.
    int[] perTopic = new int[13];
    for (int t : itemTopic) perTopic[t]++;
    double expected = 0;
    int off = 0;
    for (Interaction e : dataset.interactions()) {
      List<Integer> current = truth.users().get(e.user()).interestsAt(e.timestamp());
      int available = e.timestamp() >= JUL_1 ? 1000 : 960;
      int onItems = 0;
      for (int t : current) onItems += perTopic[t];
      expected += 0.10 * (1 - onItems / (double) available);
      if (!current.contains(itemTopic[e.item()])) off++;
    }
    int n = dataset.interactions().size();
    // sd of the share ≈ sqrt(0.085 · 0.915 / 96,000) ≈ 0.0009.
    assertThat(off / (double) n).isCloseTo(expected / n, within(0.004));
  }

  @Test
  void ratingsAreHigherOnInterestAndReviewsAreSometimesEmpty() {
    double on = 0;
    int nOn = 0;
    double off = 0;
    int nOff = 0;
    int empty = 0;
    for (Interaction e : dataset.interactions()) {
      if (truth.users().get(e.user()).interestsAt(e.timestamp()).contains(itemTopic[e.item()])) {
        on += e.rating();
        nOn++;
      } else {
        off += e.rating();
        nOff++;
      }
      if (!e.hasText()) empty++;
    }
    // On: 0.03·1 + 0.07·2 + 0.20·3 + 0.35·4 + 0.35·5 = 3.92; off: 0.20 + 0.50 + 1.05 + 0.60 + 0.25 = 2.60.
    assertThat(on / nOn).isCloseTo(3.92, within(0.03));
    assertThat(off / nOff).isCloseTo(2.60, within(0.06));
    // 30% empty: sd ≈ 0.0015.
    assertThat(empty / (double) dataset.interactions().size()).isCloseTo(0.30, within(0.008));
  }

  @Test
  void popularityIsSkewedWithinATopic() {
    // Zipf s = 0.9 over 80 items gives the top item about 40 times the draw probability of an item
    // ranked 41..80 (1 / mean(r^-0.9)). Counts are damped because a user meets an item at most once
    // (the head saturates at the users holding the topic) and noise adds about 10 uniform
    // interactions per item (0.1 · 96,000 / 1,000), so require a factor of 4.
    int[] counts = new int[1000];
    for (Interaction e : dataset.interactions()) counts[e.item()]++;
    for (int topic = 0; topic < 12; topic++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < 1000; i++) if (itemTopic[i] == topic) members.add(i);
      int head = counts[members.get(0)];
      double tail = members.subList(40, 80).stream().mapToInt(i -> counts[i]).average().orElseThrow();
      assertThat(head).isGreaterThan((int) (4 * tail));
    }
  }

  @Test
  void majorityTopicRecoversThePrimaryInterestForMostButNotAllUsers() {
    int[] primary = truth.primaryInterest(dataset);
    int agree = 0;
    for (int u = 0; u < 3000; u++) {
      int[] c = new int[13];
      for (Interaction e : byUser.get(u)) c[itemTopic[e.item()]]++;
      int best = 0;
      for (int t = 1; t < 13; t++) if (c[t] > c[best]) best = t;
      if (best == primary[u]) agree++;
    }
    assertThat(agree / 3000.0).isBetween(0.85, 0.995);
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    SyntheticData again = SyntheticInterests.generate(Params.defaults());
    assertThat(again.dataset().interactions()).isEqualTo(dataset.interactions());
    assertThat(again.dataset().items()).isEqualTo(dataset.items());
    assertThat(again.truth()).isEqualTo(truth);
    SyntheticData other = SyntheticInterests.generate(Params.defaults().withSeed(43));
    assertThat(other.dataset().interactions()).isNotEqualTo(dataset.interactions());
    assertThat(other.truth()).isNotEqualTo(truth);
  }

  @Test
  void smallerParametersWork() {
    SyntheticData small = SyntheticInterests.generate(Params.defaults().withSize(200, 120).withSeed(7));
    assertThat(small.dataset().numUsers()).isEqualTo(200);
    assertThat(small.dataset().numItems()).isEqualTo(120);
    assertThat(small.truth().users()).hasSize(200);
    assertThat(small.dataset().users().get(0).id()).isEqualTo("u0001");
    int emerging = small.truth().emergingTopic().index();
    for (Interaction e : small.dataset().interactions()) {
      if (small.truth().topicIndexOf(small.dataset().items().get(e.item()).id()) == emerging) {
        assertThat(e.timestamp()).isGreaterThanOrEqualTo(JUL_1);
      }
    }
  }

  @Test
  void invalidParametersAreRejectedNamingTheParameter() {
    Params d = Params.defaults();
    assertThatThrownBy(() -> d.withLanguage("fr")).isInstanceOf(UserException.class).hasMessageContaining("language");
    assertThatThrownBy(() -> new Params(42, "en", 0, 1000, 12, 40, 15, 60, List.of(1.0), 0.25, 0.1, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("numUsers");
    assertThatThrownBy(() -> new Params(42, "en", 10, 1000, 12, 40, 15, 60, List.of(0.5, 0.4), 0.25, 0.1, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("interestCountShares");
    // With three interests, b + (1 - b)/3 < 0.5 for b = 0.2: the primary could fall below one half.
    assertThatThrownBy(() -> new Params(42, "en", 10, 1000, 12, 40, 15, 60, List.of(0.4, 0.4, 0.2), 0.2, 0.1, 0.9, 0.5, 0.08,
        0.1, 0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("primaryBoost");
    assertThatThrownBy(() -> new Params(42, "en", 10, 1000, 12, 40, 15, 60, List.of(1.0), 0.25, 1.5, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("noiseShare");
    assertThatThrownBy(() -> new Params(42, "en", 10, 1000, 12, 40, 15, 60, List.of(1.0), 0.25, 0.1, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), LocalDate.of(2024, 2, 1), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("emergingStart");
    assertThatThrownBy(() -> new Params(42, "en", 10, 100, 12, 40, 15, 60, List.of(1.0), 0.25, 0.1, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("maxInteractions");
    assertThatThrownBy(() -> new Params(42, "en", 10, 1000, 13, 40, 15, 60, List.of(1.0), 0.25, 0.1, 0.9, 0.5, 0.08, 0.1,
        0.3, 0.15, d.driftWindowStart(), d.driftWindowEnd(), d.emergingStart(), 0.05, 92, d.firstDay(), d.lastDay()))
        .isInstanceOf(UserException.class).hasMessageContaining("numTopics");
  }
}
