package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interestlab.params.ParameterException;
import org.junit.jupiter.api.Test;

class SplittersTest {
  /**
   * Ten interactions, hand-numbered #0..#9 in dataset order (user item time):
   * #0 u1 a 10, #1 u1 b 20, #2 u2 a 30, #3 u2 c 40, #4 u1 c 50, #5 u3 d 60, #6 u2 b 60,
   * #7 u1 d 70, #8 u3 a 80, #9 u2 d 90. Users u1,u2,u3 = 0,1,2; items a,b,c,d = 0,1,2,3.
   * Tags: u1 a "fun" 15, u2 d "dark" 65, u3 a "x" 70.
   */
  static Dataset ten() {
    return Dataset.builder("ten")
        .interaction("u1", "a", 5, 10, "")
        .interaction("u1", "b", 4, 20, "")
        .interaction("u2", "a", 3, 30, "")
        .interaction("u2", "c", 2, 40, "")
        .interaction("u1", "c", 1, 50, "")
        .interaction("u3", "d", 5, 60, "")
        .interaction("u2", "b", 4, 60, "")
        .interaction("u1", "d", 3, 70, "")
        .interaction("u3", "a", 2, 80, "")
        .interaction("u2", "d", 1, 90, "")
        .tag("u1", "a", "fun", 15)
        .tag("u2", "d", "dark", 65)
        .tag("u3", "a", "x", 70)
        .build();
  }

  static List<Interaction> pick(Dataset d, int... idx) {
    List<Interaction> out = new ArrayList<>();
    for (int i : idx) out.add(d.interactions().get(i));
    return out;
  }

  @Test
  void temporalCutsAtTheQuantileAndTagsFollowTime() {
    Dataset d = ten();
    Split s = new TemporalSplit(0.3).split(d);
    // round(0.3 * 10) = 3 test: the three latest (#7 at 70, #8 at 80, #9 at 90).
    assertThat(s.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 2, 3, 4, 5, 6));
    assertThat(s.test().interactions()).containsExactlyElementsOf(pick(d, 7, 8, 9));
    // Cut time 70: "fun" (15) and "dark" (65) train; "x" (70) is not before the cut.
    assertThat(s.train().tags()).extracting(Interaction::text).containsExactly("fun", "dark");
    assertThat(s.test().tags()).extracting(Interaction::text).containsExactly("x");
    assertThat(s.train().users()).isEqualTo(d.users());
    assertThat(s.test().items()).isEqualTo(d.items());
  }

  @Test
  void temporalTieAtTheCutIsBrokenByUserThenItemAndUnseenAreDropped() {
    Dataset d = ten();
    Split s = new TemporalSplit(0.4).split(d);
    // 4 test. #5 (u3, t=60) and #6 (u2, t=60) tie; u2 (index 1) sorts before u3 (index 2), so #6
    // trains and #5 is the first test event. Training then has users u1,u2 and items a,b,c only.
    assertThat(s.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 2, 3, 4, 6));
    // Test candidates #5 (u3), #7 (item d), #8 (u3), #9 (item d): none seen in training.
    assertThat(s.test().interactions()).isEmpty();
    // Cut time 60: "fun" trains; "dark" (65, u2, d) and "x" (70, u3) go to test, then drop as unseen.
    assertThat(s.train().tags()).extracting(Interaction::text).containsExactly("fun");
    assertThat(s.test().tags()).isEmpty();
  }

  @Test
  void temporalDoesNotChangeItsInputAndRepeats() {
    Dataset d = ten();
    List<Interaction> before = List.copyOf(d.interactions());
    Split a = new TemporalSplit(0.3).split(d);
    Split b = new TemporalSplit(0.3).split(d);
    assertThat(d.interactions()).isEqualTo(before);
    assertThat(a.train().interactions()).isEqualTo(b.train().interactions());
    assertThat(a.test().interactions()).isEqualTo(b.test().interactions());
  }

  @Test
  void leaveLastOutHoldsOutEachUsersLatest() {
    Dataset d = ten();
    Split s = new LeaveLastOutSplit().split(d);
    // u1's latest is #7 (70), u2's #9 (90), u3's #8 (80).
    assertThat(s.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 2, 3, 4, 5, 6));
    assertThat(s.test().interactions()).containsExactlyElementsOf(pick(d, 7, 8, 9));
    // Per-user cut times 70, 90, 80: every tag is earlier than its user's cut.
    assertThat(s.train().tags()).extracting(Interaction::text).containsExactly("fun", "dark", "x");
    assertThat(s.test().tags()).isEmpty();
  }

  @Test
  void leaveLastOutSingleInteractionUsersTiesAndUnseenItems() {
    Dataset d = Dataset.builder("small")
        .interaction("solo", "a", 5, 1, "")   // #0 only interaction of solo: stays in train
        .interaction("p", "a", 4, 7, "")      // #1
        .interaction("p", "b", 3, 7, "")      // #2 same time as #1, later in the file: held out
        .interaction("q", "b", 2, 3, "")      // #3
        .interaction("q", "z", 1, 9, "")      // #4 q's latest, item z appears nowhere else
        .tag("p", "b", "after", 7)
        .tag("p", "a", "before", 6)
        .build();
    Split s = new LeaveLastOutSplit().split(d);
    assertThat(s.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 3));
    // #2 is test; #4 is held out but z never trains, so it is dropped.
    assertThat(s.test().interactions()).containsExactlyElementsOf(pick(d, 2));
    assertThat(s.train().tags()).extracting(Interaction::text).containsExactly("before");
    assertThat(s.test().tags()).extracting(Interaction::text).containsExactly("after");
  }

  /** u0: 4 interactions, u1: 2, u2: 6, u3: 1 over items i0..i5 (every item used by u2). */
  static Dataset ratioData() {
    Dataset.Builder b = Dataset.builder("ratio");
    for (int i = 0; i < 4; i++) b.interaction("u0", "i" + i, 1, i, "");
    for (int i = 0; i < 2; i++) b.interaction("u1", "i" + i, 1, i, "");
    for (int i = 0; i < 6; i++) b.interaction("u2", "i" + i, 1, i, "");
    b.interaction("u3", "i0", 1, 0, "");
    return b.build();
  }

  @Test
  void ratioSplitsEachUserWithHalfEvenRounding() {
    Dataset d = ratioData();
    Split s = new RatioSplit(0.75, 42).split(d);
    // rint(0.75 * n): 4 -> 3, 2 -> 2 (1.5 rounds to even), 6 -> 4 (4.5 rounds to even), 1 -> 1.
    assertThat(perUser(s.train())).isEqualTo(Map.of(0, 3, 1, 2, 2, 4, 3, 1));
    // Before filtering, test holds 4-3 + 2-2 + 6-4 + 1-1 = 3 interactions; filtering only removes.
    assertThat(s.test().interactions().size()).isBetween(0, 3);
    for (Interaction x : s.test().interactions()) {
      assertThat(s.train().interactions()).anyMatch(t -> t.item() == x.item());
    }
    // Train and test never share an interaction, and together they are the whole input when nothing
    // was filtered.
    List<Interaction> union = new ArrayList<>(s.train().interactions());
    union.addAll(s.test().interactions());
    assertThat(union).doesNotHaveDuplicates();
    assertThat(d.interactions()).containsAll(union);
  }

  @Test
  void ratioIsReproducibleAndSeedSensitive() {
    Dataset d = ratioData();
    assertThat(new RatioSplit(0.5, 7).split(d).train().interactions())
        .isEqualTo(new RatioSplit(0.5, 7).split(d).train().interactions());
    boolean differs = false;
    List<Interaction> base = new RatioSplit(0.5, 7).split(d).train().interactions();
    for (long seed = 8; seed < 20 && !differs; seed++) {
      differs = !new RatioSplit(0.5, seed).split(d).train().interactions().equals(base);
    }
    assertThat(differs).as("some other seed gives another split").isTrue();
  }

  @Test
  void ratioTagsOnTestPairsGoToTest() {
    Dataset d = Dataset.builder("t")
        .interaction("u", "a", 1, 1, "")
        .interaction("u", "b", 1, 2, "")
        .interaction("v", "a", 1, 3, "")
        .interaction("v", "b", 1, 4, "")
        .tag("u", "a", "ta", 5)
        .tag("u", "b", "tb", 6)
        .build();
    // 0.5 of 2 = 1 train, 1 test per user; whichever item u trains on, its tag trains and the other
    // tag does not (it goes to test, or is dropped when v held out the same item and it is unseen).
    for (long seed = 0; seed < 8; seed++) {
      Split s = new RatioSplit(0.5, seed).split(d);
      assertThat(s.train().interactions()).hasSize(2);
      int uTrainItem = s.train().interactions().stream().filter(x -> x.user() == 0).findFirst().orElseThrow().item();
      String trainTag = uTrainItem == 0 ? "ta" : "tb";
      String otherTag = uTrainItem == 0 ? "tb" : "ta";
      assertThat(s.train().tags()).extracting(Interaction::text).containsExactly(trainTag);
      boolean otherItemSeen = s.train().interactions().stream().anyMatch(x -> x.item() != uTrainItem);
      assertThat(s.test().tags()).extracting(Interaction::text)
          .containsExactlyElementsOf(otherItemSeen ? List.of(otherTag) : List.of());
    }
  }

  static Map<Integer, Integer> perUser(Dataset d) {
    Map<Integer, Integer> m = new TreeMap<>();
    for (Interaction x : d.interactions()) m.merge(x.user(), 1, Integer::sum);
    return m;
  }

  @Test
  void kCoreRemovesIterativelyUntilStable() {
    // u1: a b c; u2: a b; u3: c; u4: a d.
    Dataset d = Dataset.builder("k")
        .interaction("u1", "a", 1, 1, "").interaction("u1", "b", 1, 2, "").interaction("u1", "c", 1, 3, "")
        .interaction("u2", "a", 1, 4, "").interaction("u2", "b", 1, 5, "")
        .interaction("u3", "c", 1, 6, "")
        .interaction("u4", "a", 1, 7, "").interaction("u4", "d", 1, 8, "")
        .tag("u1", "a", "kept", 9)
        .tag("u4", "a", "dropped with u4", 10)
        .build();
    // k=2. Round 1: u3 (1) and d (1) go. Round 2: u4 has 1 left (a), c has 1 left (u1): both go.
    // Round 3: u1 {a,b}, u2 {a,b}: stable.
    Dataset core = new KCoreFilter(2).apply(d);
    assertThat(core.interactions()).containsExactlyElementsOf(pick(d, 0, 1, 3, 4));
    assertThat(core.tags()).extracting(Interaction::text).containsExactly("kept");
    assertThat(core.users()).isEqualTo(d.users());
    // k=3: round 1 keeps only u1 and a, leaving u1 with one interaction; round 2 empties it.
    assertThat(new KCoreFilter(3).apply(d).interactions()).isEmpty();
    assertThat(new KCoreFilter(1).apply(d).interactions()).isEqualTo(d.interactions());
  }

  @Test
  void badParametersNameParameterValueAndRange() {
    // The same declarations as a config's split: section, so the same words: an open interval (0, 1).
    assertThatThrownBy(() -> new TemporalSplit(1.5))
        .isInstanceOf(ParameterException.class)
        .hasMessage("test_fraction: 1.5 is out of range — allowed: a number > 0 and < 1");
    assertThatThrownBy(() -> new TemporalSplit(0)).hasMessage("test_fraction: 0.0 is out of range — allowed: a number > 0 and < 1");
    assertThatThrownBy(() -> new TemporalSplit(Double.NaN)).hasMessageStartingWith("test_fraction: NaN is out of range");
    assertThatThrownBy(() -> new RatioSplit(1.0, 1)).isInstanceOf(ParameterException.class)
        .hasMessage("train_ratio: 1.0 is out of range — allowed: a number > 0 and < 1");
    assertThatThrownBy(() -> new KCoreFilter(0)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("k_core: 0 is out of range — allowed: an integer ≥ 1");
    assertThatThrownBy(() -> new KCoreFilter(-2)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("k_core: -2 is out of range");
  }

  @Test
  void emptyDatasetGivesEmptyHalves() {
    Dataset empty = Dataset.builder("empty").build();
    for (Splitter s : List.of(new TemporalSplit(0.2), new LeaveLastOutSplit(), new RatioSplit(0.75, 1))) {
      Split split = s.split(empty);
      assertThat(split.train().interactions()).isEmpty();
      assertThat(split.test().interactions()).isEmpty();
    }
  }

  @Test
  void validationIsCarvedFromTheTrainingPartByTheSameRule() {
    Dataset d = ten();
    // Leave-last-out: test = each user's last (#7 u1 at 70, #8 u3 at 80, #9 u2 at 90); validation =
    // the last of what is left (#4 u1 at 50, #5 u3 at 60, #6 u2 at 60) — the second-to-last.
    LeaveLastOutSplit lastOut = new LeaveLastOutSplit();
    Split test = lastOut.split(d);
    Split validation = lastOut.forValidation(0.1).split(test.train());
    assertThat(validation.test().interactions()).containsExactlyInAnyOrderElementsOf(pick(d, 4, 6));
    // #5 is u3's only event left: a single event is never held out, so it stays for training.
    assertThat(validation.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 2, 3, 5));

    // Temporal 0.3 leaves #0..#6 for training; validation 0.3 of those: round(2.1) = 2, the latest
    // two (#5, #6 at 60), whose users and items occur in #0..#4 except u3 (#5): dropped.
    Split temporal = new TemporalSplit(0.3).split(d);
    Split tv = new TemporalSplit(0.3).forValidation(0.3).split(temporal.train());
    assertThat(tv.train().interactions()).containsExactlyElementsOf(pick(d, 0, 1, 2, 3, 4));
    assertThat(tv.test().interactions()).containsExactlyElementsOf(pick(d, 6));

    // Ratio: validation holds a share of each user's training events; the test part is never input.
    Split ratio = new RatioSplit(0.75, 1).split(ratioData());
    Split rv = new RatioSplit(0.75, 1).forValidation(0.5).split(ratio.train());
    assertThat(rv.train().interactions().size() + rv.test().interactions().size()).isLessThanOrEqualTo(ratio.train().interactions().size());
    assertThat(rv.test().interactions()).isNotEmpty().allMatch(i -> ratio.train().interactions().contains(i));
    assertThat(rv.test().interactions()).noneMatch(i -> ratio.test().interactions().contains(i));
  }
}
