package org.interestlab.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.HeldOutItemsSplit;
import org.interestlab.data.Item;
import org.interestlab.data.Split;
import org.junit.jupiter.api.Test;

/**
 * Item cold start without leakage: no review written about a held-out item reaches the encoder, an item
 * document, a vocabulary corpus or a user profile; a held-out item with a title keeps exactly its
 * title's vector, one without gets no content vector at all.
 */
class HeldOutItemsLeakageTest {
  /** Items i0..i5, the odd ones titled "T"; users u0..u3 each review every item with "review of iK by uJ". */
  private static Dataset catalogue() {
    Dataset.Builder b = Dataset.builder("cold");
    for (int i = 0; i < 6; i++) b.item(new Item("i" + i, i % 2 == 1 ? "T" : "", "", List.of()));
    long t = 0;
    for (int u = 0; u < 4; u++) for (int i = 0; i < 6; i++) b.interaction("u" + u, "i" + i, 5, ++t, "review of i" + i + " by u" + u);
    return b.build();
  }

  /** The first seed whose held-out pair has one titled and one untitled item, so both cases are checked. */
  private static HeldOutItemsSplit mixedSplit(Dataset d) {
    for (long seed = 1; ; seed++) {
      HeldOutItemsSplit s = new HeldOutItemsSplit(2 / 6.0, seed);
      boolean[] cold = s.heldOutItems(d);
      int titled = 0;
      int untitled = 0;
      for (int i = 0; i < cold.length; i++) {
        if (cold[i] && i % 2 == 1) titled++;
        if (cold[i] && i % 2 == 0) untitled++;
      }
      if (titled == 1 && untitled == 1) return s;
    }
  }

  private static List<String> heldOutReviews(boolean[] cold) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cold.length; i++) if (cold[i]) for (int u = 0; u < 4; u++) out.add("review of i" + i + " by u" + u);
    return out;
  }

  @Test
  void noHeldOutReviewReachesAnyVectorOrCorpus() {
    Dataset d = catalogue();
    HeldOutItemsSplit splitter = mixedSplit(d);
    boolean[] cold = splitter.heldOutItems(d);
    Split s = splitter.split(d);
    List<String> secret = heldOutReviews(cold);
    assertThat(secret).hasSize(8);

    ReviewVectorsTest.LookupEncoder enc = new ReviewVectorsTest.LookupEncoder();
    ItemDocuments docs = ItemDocuments.defaults();
    Embeddings items = docs.vectors(s.train(), enc);
    ReviewProfiler profiler = ReviewProfiler.mean();
    profiler.fit(s.train(), enc, items).transform(s.train());
    assertThat(enc.seen).as("texts embedded").doesNotContainAnyElementsOf(secret);
    assertThat(docs.reviewTexts(s.train())).as("vocabulary corpus").doesNotContainAnyElementsOf(secret);
    assertThat(profiler.encoderCorpus(s.train())).as("profiler corpus").doesNotContainAnyElementsOf(secret);

    boolean[] hasContent = docs.hasContent(s.train());
    for (int i = 0; i < cold.length; i++) {
      if (cold[i] && i % 2 == 1) {
        // Titled and held out: exactly the vector of its own text "T" = (1, 1, 0).
        assertThat(hasContent[i]).isTrue();
        assertThat(items.row(i)).containsExactly(1, 1, 0);
      } else if (cold[i]) {
        // Untitled and held out: no text, no training review, no content vector.
        assertThat(hasContent[i]).isFalse();
        assertThat(items.row(i)).containsExactly(0, 0, 0);
      } else {
        assertThat(hasContent[i]).as("warm item %d", i).isTrue();
      }
    }
  }
}
