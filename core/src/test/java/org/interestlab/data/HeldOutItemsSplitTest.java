package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.interestlab.params.ParameterException;
import org.junit.jupiter.api.Test;

/**
 * {@link HeldOutItemsSplit} on a small catalogue whose consequences are counted by hand: which items
 * are cold is the seed's choice, but how many, and where each of their events and tags goes, is not.
 */
class HeldOutItemsSplitTest {
  /**
   * Items i0..i9 plus i-unrated (no interaction: never a candidate). User u<k> rated items k..k+4 (mod
   * 10), one per day; user "only-i3" rated only i3; a tag on every item by u0.
   */
  private static Dataset catalogue() {
    Dataset.Builder b = Dataset.builder("ten");
    b.item(new Item("i-unrated", "no ratings", "", null));
    long t = 0;
    for (int u = 0; u < 10; u++) for (int j = 0; j < 5; j++) b.interaction("u" + u, "i" + (u + j) % 10, 4, ++t, null);
    b.interaction("only-i3", "i3", 5, ++t, null);
    for (int i = 0; i < 10; i++) b.tag("u0", "i" + i, "tag " + i, ++t);
    return b.build();
  }

  private static Set<String> heldOutIds(Dataset d, boolean[] cold) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < cold.length; i++) if (cold[i]) out.add(d.items().get(i).id());
    return out;
  }

  @Test
  void aShareOfTheRatedItemsGoesToTestWithEveryEventAndTag() {
    Dataset d = catalogue();
    HeldOutItemsSplit splitter = new HeldOutItemsSplit(0.3, 5);
    Set<String> cold = heldOutIds(d, splitter.heldOutItems(d));
    // round(0.3 × 10 rated items) = 3; the unrated item is never a candidate.
    assertThat(cold).hasSize(3).doesNotContain("i-unrated");
    Split s = splitter.split(d);
    for (Interaction x : s.train().interactions()) assertThat(cold).doesNotContain(d.items().get(x.item()).id());
    for (Interaction x : s.test().interactions()) assertThat(cold).contains(d.items().get(x.item()).id());
    for (Interaction x : s.train().tags()) assertThat(cold).doesNotContain(d.items().get(x.item()).id());
    for (Interaction x : s.test().tags()) assertThat(cold).contains(d.items().get(x.item()).id());
    // Each item i0..i9 has 5 ratings (users i-4..i), so 3 cold items have 15 events; "only-i3" trains on
    // nothing, so its event is dropped when i3 is cold and trains when it is not.
    int onlyI3 = cold.contains("i3") ? 1 : 0;
    assertThat(s.test().interactions()).hasSize(15);
    assertThat(s.droppedTest()).isEqualTo(onlyI3);
    assertThat(s.train().interactions()).hasSize(50 + 1 - 15 - onlyI3);
    assertThat(s.test().tags()).hasSize(3);
    assertThat(s.train().tags()).hasSize(7);
    assertThat(splitter.holdsOutItems()).isTrue();
  }

  @Test
  void validationHoldsOutOtherItemsOfTheTrainingPart() {
    Dataset d = catalogue();
    HeldOutItemsSplit splitter = new HeldOutItemsSplit(0.3, 5);
    Split s = splitter.split(d);
    Splitter validation = splitter.forValidation(0.3);
    Set<String> testItems = heldOutIds(d, splitter.heldOutItems(d));
    Set<String> validationItems = heldOutIds(d, ((HeldOutItemsSplit) validation).heldOutItems(s.train()));
    // round(0.3 × 7 training items) = 2, none of them a test item.
    assertThat(validationItems).hasSize(2).doesNotContainAnyElementsOf(testItems);
    Split v = validation.split(s.train());
    for (Interaction x : v.test().interactions()) assertThat(validationItems).contains(d.items().get(x.item()).id());
    // 2 items × 5 ratings, plus "only-i3"'s when i3 is a validation item; a user left with no training event is dropped.
    assertThat(v.test().interactions().size() + v.droppedTest()).isEqualTo(10 + (validationItems.contains("i3") ? 1 : 0));
  }

  @Test
  void theSameSeedHoldsOutTheSameItemsAndOneItemStaysWarm() {
    Dataset d = catalogue();
    assertThat(new HeldOutItemsSplit(0.3, 9).heldOutItems(d)).isEqualTo(new HeldOutItemsSplit(0.3, 9).heldOutItems(d));
    // A share rounding to all 10 items keeps one warm (training must have something); to 0, holds one out.
    assertThat(heldOutIds(d, new HeldOutItemsSplit(0.99, 1).heldOutItems(d))).hasSize(9);
    assertThat(heldOutIds(d, new HeldOutItemsSplit(0.01, 1).heldOutItems(d))).hasSize(1);
  }

  @Test
  void aShareOutsideZeroToOneIsAOneLineError() {
    assertThatThrownBy(() -> new HeldOutItemsSplit(1.0, 1)).isInstanceOf(ParameterException.class).hasMessageContaining("share");
    assertThatThrownBy(() -> new HeldOutItemsSplit(0.0, 1)).isInstanceOf(ParameterException.class).hasMessageContaining("share");
  }
}
