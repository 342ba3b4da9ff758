package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

/**
 * {@link UserPartsSplit} counts as RecBole's {@code _calcu_split_ids} does, worked by hand below:
 * with weights a : b : c (sum W) and n interactions, validation ⌊n·b/W⌋, test ⌊n·c/W⌋, training the
 * rest; then test, then validation, takes one from training when its exact share n·w/W is in (0, 1)
 * and training holds more than one.
 */
class UserPartsSplitTest {
  private static final UserPartsSplit RECBOLE = UserPartsSplit.defaults(2020);

  @Test
  void countsFollowRecBolesRuleAtEightOneOne() {
    // n = 1: ⌊0.1⌋ = 0, 0 → 1/0/0; training holds 1, so no part takes one.
    assertThat(RECBOLE.counts(1)).containsExactly(1, 0, 0);
    // n = 2: 0, 0 → 2/0/0; test share 0.2 ∈ (0, 1) takes one → 1/0/1; training holds 1: stop.
    assertThat(RECBOLE.counts(2)).containsExactly(1, 0, 1);
    // n = 3: test takes one (3 → 2), validation takes one (2 → 1) → 1/1/1.
    assertThat(RECBOLE.counts(3)).containsExactly(1, 1, 1);
    // n = 9: shares 0.9 each → 7/1/1.
    assertThat(RECBOLE.counts(9)).containsExactly(7, 1, 1);
    // n = 10: ⌊1⌋ = 1 each, shares 1.0 are not below 1 → 8/1/1.
    assertThat(RECBOLE.counts(10)).containsExactly(8, 1, 1);
    // n = 19: ⌊1.9⌋ = 1 each → 17/1/1; n = 20: 2 each → 16/2/2; n = 25: ⌊2.5⌋ = 2 → 21/2/2.
    assertThat(RECBOLE.counts(19)).containsExactly(17, 1, 1);
    assertThat(RECBOLE.counts(20)).containsExactly(16, 2, 2);
    assertThat(RECBOLE.counts(25)).containsExactly(21, 2, 2);
    assertThat(RECBOLE.counts(1000)).containsExactly(800, 100, 100);
  }

  @Test
  void countsAtOtherWeights() {
    UserPartsSplit sevenTwoOne = new UserPartsSplit(7, 2, 1, 1);
    // n = 4: ⌊0.8⌋ = 0, ⌊0.4⌋ = 0 → 4/0/0; test (0.4) takes one → 3/0/1; validation (0.8) → 2/1/1.
    assertThat(sevenTwoOne.counts(4)).containsExactly(2, 1, 1);
    // n = 5: ⌊1.0⌋ = 1, ⌊0.5⌋ = 0 → 4/1/0; test (0.5) takes one → 3/1/1; validation's 1.0 is not below 1.
    assertThat(sevenTwoOne.counts(5)).containsExactly(3, 1, 1);
    // No validation part: 9 : 0 : 1 at n = 5: ⌊0.5⌋ = 0 → test takes one → 4/0/1.
    assertThat(new UserPartsSplit(9, 0, 1, 1).counts(5)).containsExactly(4, 0, 1);
  }

  /**
   * Users holding 1, 2, 3, 10, 19 and 20 interactions with items i0…, plus three anchors holding
   * i0…i29, so that every test item is also trained by someone and nothing is dropped.
   */
  static Dataset users() {
    Dataset.Builder b = Dataset.builder("parts");
    long t = 0;
    for (int n : new int[] {1, 2, 3, 10, 19, 20}) {
      for (int i = 0; i < n; i++) b.interaction("n" + n, "i" + i, 4, t++, null);
    }
    for (int a = 0; a < 3; a++) for (int i = 0; i < 30; i++) b.interaction("anchor" + a, "i" + i, 4, t++, null);
    return b.build();
  }

  private static Map<String, Integer> perUser(Dataset full, Dataset part) {
    Map<String, Integer> out = new HashMap<>();
    for (Interaction x : part.interactions()) out.merge(full.users().get(x.user()).id(), 1, Integer::sum);
    return out;
  }

  @Test
  void testAndValidationPartsPerUser() {
    Dataset d = users();
    Split s = RECBOLE.split(d);
    Map<String, Integer> test = perUser(d, s.test());
    assertThat(test).containsEntry("n2", 1).containsEntry("n3", 1).containsEntry("n10", 1).containsEntry("n19", 1)
        .containsEntry("n20", 2).containsEntry("anchor0", 3).doesNotContainKey("n1");
    // Validation is carved from the training part only: m = n − test, ⌊m/9⌋ with the small-count step.
    Split v = RECBOLE.forValidation(0.1111).split(s.train());
    Map<String, Integer> validation = perUser(d, v.test());
    // n = 3: m = 2, ⌊2/9⌋ = 0, share 2/9 ∈ (0, 1) → 1 (RecBole: 1). n = 10: m = 9 → 1. n = 20: m = 18 → 2.
    assertThat(validation).containsEntry("n3", 1).containsEntry("n10", 1).containsEntry("n20", 2).containsEntry("anchor0", 3);
    // n = 2: m = 1, training holds one → none (RecBole: 0). n = 19: m = 18 → 2, one more than RecBole's 1.
    assertThat(validation).doesNotContainKey("n2").containsEntry("n19", 2);
    assertThat(perUser(d, v.train())).containsEntry("n20", 16).containsEntry("n10", 8).containsEntry("n3", 1);
  }

  @Test
  void testAndValidationAreDisjointAndSeeded() {
    Dataset d = users();
    Split s = RECBOLE.split(d);
    Split v = RECBOLE.forValidation(1 / 9.0).split(s.train());
    Set<Interaction> test = new HashSet<>(s.test().interactions());
    for (Interaction x : v.test().interactions()) assertThat(test).doesNotContain(x);
    assertThat(UserPartsSplit.defaults(2020).split(d).test().interactions()).isEqualTo(s.test().interactions());
    assertThat(UserPartsSplit.defaults(2021).split(d).test().interactions()).isNotEqualTo(s.test().interactions());
  }

  @Test
  void aValidationShareOtherThanRecBolesIsRefused() {
    assertThatThrownBy(() -> RECBOLE.forValidation(0.1)).isInstanceOf(UserException.class)
        .hasMessageContaining("validation.share").hasMessageContaining("8:1:1").hasMessageContaining("0.1111");
    assertThatThrownBy(() -> new UserPartsSplit(9, 0, 1, 1).forValidation(0.1)).isInstanceOf(UserException.class)
        .hasMessageContaining("validation_parts");
  }

  @Test
  void ratingFilterKeepsWellRatedAndUnratedEvents() {
    Dataset d = Dataset.builder("rated")
        .interaction("u", "a", 5, 1, null)
        .interaction("u", "b", 2, 2, null)
        .interaction("u", "c", 3, 3, null)
        .interaction("u", "d", Double.NaN, 4, null)
        .build();
    // Ratings 5 and 3 reach 3, 2 does not; the unrated event has nothing to judge and stays.
    assertThat(new RatingFilter(3).apply(d).interactions()).extracting(Interaction::timestamp).containsExactly(1L, 3L, 4L);
    assertThat(RatingFilter.before(0, RECBOLE)).isSameAs(RECBOLE);
  }
}
