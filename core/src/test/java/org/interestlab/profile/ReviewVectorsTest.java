package org.interestlab.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.LeaveLastOutSplit;
import org.interestlab.data.Split;
import org.interestlab.encode.FittedEncoder;
import org.junit.jupiter.api.Test;

/**
 * Review-built item and user vectors against values worked out by hand from a lookup encoder whose
 * vectors are chosen by the test, and the no-leakage rule: nothing held out reaches the encoder.
 */
class ReviewVectorsTest {
  static final long DAY = 86_400L;
  static final double R = Math.sqrt(0.5);

  /** A fixed table text → vector; records every text it is asked to embed. */
  static final class LookupEncoder implements FittedEncoder {
    final Map<String, float[]> table = Map.of(
        "a", new float[] {1, 0, 0}, "b", new float[] {0, 1, 0}, "c", new float[] {0, 0, 2}, "T", new float[] {1, 1, 0},
        "SECRET", new float[] {0, 0, 5}, "OTHER", new float[] {5, 0, 0});
    final List<String> seen = new ArrayList<>();

    @Override
    public String id() {
      return "lookup";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public Embeddings encode(List<String> texts) {
      seen.addAll(texts);
      float[] out = new float[texts.size() * 3];
      for (int i = 0; i < texts.size(); i++) {
        float[] v = table.getOrDefault(texts.get(i), new float[3]);
        System.arraycopy(v, 0, out, i * 3, 3);
      }
      return new Embeddings(texts.size(), 3, out);
    }
  }

  /**
   * Items: 0 without title, 1 titled "T", 2 without title (reviewed "b" in training by u2, whose only
   * event stays in training, and by u0 in the test part), 3 without title and never reviewed.
   */
  static Dataset data(String heldOutText) {
    return Dataset.builder("reviews")
        .item(new Item("i0", "", "", List.of())).item(new Item("i1", "T", "", List.of())).item(new Item("i2", "", "", List.of()))
        .item(new Item("i3", "", "", List.of()))
        .interaction("u0", "i0", 5, 0, "a")
        .interaction("u0", "i1", 5, DAY, "c")
        .interaction("u0", "i2", 5, 9 * DAY, heldOutText) // u0's latest: the test item
        .interaction("u1", "i0", 5, 2 * DAY, "b")
        .interaction("u1", "i1", 5, 3 * DAY, "")
        .interaction("u1", "i0", 5, 4 * DAY, "b") // u1's latest: test
        .interaction("u2", "i2", 5, 5 * DAY, "b")
        .build();
  }

  static float[] row(Embeddings e, int r) {
    return e.row(r);
  }

  @Test
  void itemVectorsAreTheMeanOfUnitReviewVectorsAndTitledItemsKeepTheirOwnVector() {
    Dataset train = new LeaveLastOutSplit().split(data("SECRET")).train();
    LookupEncoder enc = new LookupEncoder();
    Embeddings v = ItemDocuments.defaults().vectors(train, enc);
    // i0: training reviews "a" (u0) and "b" (u1, day 2) → mean of (1,0,0), (0,1,0), normalised.
    assertThat(row(v, 0)).containsExactly(new float[] {(float) R, (float) R, 0}, within(1e-6f));
    // i1 has a title: under reviews: auto it keeps the encoder's vector of "T" exactly (not normalised).
    assertThat(row(v, 1)).containsExactly(1, 1, 0);
    // i2: only its training review "b" (u0's test review is not read).
    assertThat(row(v, 2)).containsExactly(new float[] {0, 1, 0}, within(1e-6f));
    // i3: no text, no review: no content vector.
    assertThat(row(v, 3)).containsExactly(0, 0, 0);
    assertThat(ItemDocuments.defaults().hasContent(train)).containsExactly(true, true, true, false);
  }

  @Test
  void alwaysAddsReviewsToTitledItemsAndMaxReviewsKeepsTheLatest() {
    Dataset train = new LeaveLastOutSplit().split(data("SECRET")).train();
    // i1: title (1,1,0)/√2 and review "c" (0,0,1): mean (R, R, 1)/2, normalised → (0.5, 0.5, R).
    Embeddings always = new ItemDocuments("always", "mean", 20).vectors(train, new LookupEncoder());
    assertThat(row(always, 1)).containsExactly(new float[] {0.5f, 0.5f, (float) R}, within(1e-6f));
    // max_reviews 1: i0 keeps only its latest training review, "b".
    Embeddings one = new ItemDocuments("auto", "mean", 1).vectors(train, new LookupEncoder());
    assertThat(row(one, 0)).containsExactly(new float[] {0, 1, 0}, within(1e-6f));
    // never: untitled items have no content.
    assertThat(new ItemDocuments("never", "mean", 20).hasContent(train)).containsExactly(false, true, false, false);
  }

  @Test
  void reviewProfilesPoolTheUsersOwnReviewsWithRecencyWeights() {
    Dataset train = new LeaveLastOutSplit().split(data("SECRET")).train();
    LookupEncoder enc = new LookupEncoder();
    Embeddings items = ItemDocuments.defaults().vectors(train, enc);
    // u0 wrote "a" (day 0) and "c" (day 1): mean of (1,0,0), (0,0,1) → (R, 0, R).
    UserProfiles mean = ReviewProfiler.mean().fitTransform(train, enc, items);
    assertThat(mean.vectors().row(0)).containsExactly(new float[] {(float) R, 0, (float) R}, within(1e-6f));
    // Half-life one day: "a" is one day older than "c" and weighs 1/2 → (0.5, 0, 1)/√1.25.
    UserProfiles recent = new ReviewProfiler(1, 1, 1, 0L).fitTransform(train, enc, items);
    double n = Math.sqrt(1.25);
    assertThat(recent.vectors().row(0)).containsExactly(new float[] {(float) (0.5 / n), 0, (float) (1 / n)}, within(1e-6f));
    // u1 wrote "b" and rated i1 silently: only the review counts.
    assertThat(mean.vectors().row(1)).containsExactly(new float[] {0, 1, 0}, within(1e-6f));
  }

  @Test
  void aUserWhoWroteNothingIsTheMeanOfTheirItemsVectors() {
    Dataset d = Dataset.builder("silent")
        .item(new Item("i0", "T", "", List.of())).item(new Item("i1", "", "", List.of()))
        .interaction("u0", "i0", 5, 0, "").interaction("u0", "i1", 5, DAY, "")
        .interaction("u1", "i1", 5, 0, "a")
        .build();
    LookupEncoder enc = new LookupEncoder();
    Embeddings items = ItemDocuments.defaults().vectors(d, enc);
    UserProfiles p = ReviewProfiler.mean().fitTransform(d, enc, items);
    // u0: items (1,1,0) and i1 = "a" (1,0,0) → (2,1,0)/√5.
    assertThat(p.isPresent(0)).isTrue();
    assertThat(p.vectors().row(0)).containsExactly(new float[] {(float) (2 / Math.sqrt(5)), (float) (1 / Math.sqrt(5)), 0}, within(1e-6f));
    assertThat(ReviewProfiler.usersWithoutReviews(d)).isEqualTo(1);
  }

  @Test
  void multiInterestProfilesSeparateTwoKindsOfReviews() {
    Dataset.Builder b = Dataset.builder("two").item(new Item("i0", "T", "", List.of()));
    String[] texts = {"a", "a", "b", "b"};
    for (int e = 0; e < texts.length; e++) b.interaction("u0", "i0", 5, e * DAY, texts[e]);
    Dataset d = b.build();
    LookupEncoder enc = new LookupEncoder();
    UserProfiles p = new ReviewProfiler(0, 2, 2, 7L).fitTransform(d, enc, ItemDocuments.defaults().vectors(d, enc));
    assertThat(p.interestsTo(0) - p.interestsFrom(0)).isEqualTo(2);
    List<List<Float>> interests = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      float[] v = p.interestVectors().row(r);
      interests.add(List.of(v[0], v[1], v[2]));
    }
    assertThat(interests).containsExactlyInAnyOrder(List.of(1f, 0f, 0f), List.of(0f, 1f, 0f));
  }

  @Test
  void noHeldOutReviewReachesTheEncoderOrChangesAnyVector() {
    Split withSecret = new LeaveLastOutSplit().split(data("SECRET"));
    Split withOther = new LeaveLastOutSplit().split(data("OTHER"));
    LookupEncoder a = new LookupEncoder();
    LookupEncoder b = new LookupEncoder();
    Embeddings itemsA = ItemDocuments.defaults().vectors(withSecret.train(), a);
    Embeddings itemsB = ItemDocuments.defaults().vectors(withOther.train(), b);
    UserProfiles usersA = ReviewProfiler.interests(3L).fitTransform(withSecret.train(), a, itemsA);
    UserProfiles usersB = ReviewProfiler.interests(3L).fitTransform(withOther.train(), b, itemsB);
    assertThat(withSecret.test().interactions()).anyMatch(i -> i.text().equals("SECRET"));
    assertThat(a.seen).doesNotContain("SECRET");
    assertThat(ItemDocuments.defaults().reviewTexts(withSecret.train())).doesNotContain("SECRET");
    assertThat(new ReviewProfiler(0, 1, 1, 0).encoderCorpus(withSecret.train())).doesNotContain("SECRET");
    assertThat(itemsA.data()).containsExactly(itemsB.data());
    assertThat(usersA.vectors().data()).containsExactly(usersB.vectors().data());
    assertThat(usersA.interestVectors().data()).containsExactly(usersB.interestVectors().data());
  }
}
