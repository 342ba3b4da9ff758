package org.interestlab.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class ProfilersTest {
  private static Dataset data() {
    return Dataset.builder("toy")
        .item(new Item("x", "Paris trip", "City guide", List.of()))
        .item(new Item("y", "Pasta", "", List.of()))
        .item(new Item("z", "", "", List.of()))
        .interaction("u", "x", 5, 100, "loved it")
        .interaction("u", "y", 4, 200, "")
        .interaction("v", "y", 3, 50, null)
        .tag("u", "x", "romantic", 300)
        .user(org.interestlab.data.User.of("w"))
        .build();
  }

  @Test
  void textConcatUsesMostRecentTextsFirstAndItemTextWhenUserWroteNothing() {
    TextConcatProfiler p = new TextConcatProfiler(2);
    List<String> t = p.userTexts(data());
    // u: tag at 300 ("romantic"), then the event at 200 has no text -> item y's text "Pasta".
    assertThat(t.get(0)).isEqualTo("romantic. Pasta.");
    assertThat(t.get(1)).isEqualTo("Pasta.");
    assertThat(t.get(2)).isEmpty();
  }

  @Test
  void recencyMeanWeighsByHalfLife() {
    Dataset d = Dataset.builder("t")
        .item(new Item("a", "", "", List.of())).item(new Item("b", "", "", List.of()))
        .interaction("u", "a", 1, 0, null)
        .interaction("u", "b", 1, 86400L * 10, null)
        .build();
    Embeddings items = Embeddings.of(new float[][] {{1, 0}, {0, 1}});
    // Half-life 10 days: a is 10 days older than b -> weight 0.5 vs 1: mean direction (0.5, 1)/|.|.
    UserProfiles r = new MeanItemProfiler(10).fitTransform(d, null, items);
    double n = Math.sqrt(0.25 + 1);
    assertThat(r.vectors().get(0, 0)).isCloseTo((float) (0.5 / n), within(1e-6f));
    assertThat(r.vectors().get(0, 1)).isCloseTo((float) (1 / n), within(1e-6f));
    UserProfiles plain = MeanItemProfiler.plain().fitTransform(d, null, items);
    assertThat(plain.vectors().get(0, 0)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
  }

  @Test
  void usersWithoutHistoryAreAbsent() {
    Embeddings items = Embeddings.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
    UserProfiles r = MeanItemProfiler.plain().fitTransform(data(), null, items);
    assertThat(r.presentUsers()).containsExactly(0, 1);
    assertThat(r.vectors().row(2)).containsExactly(0, 0);
  }

  @Test
  void multiInterestFindsTwoTastesAndContentKnnUsesTheBestMatch() {
    // Items 0-4 near (1,0), 5-9 near (0,1), item 10 = (1, 0.05) and item 11 = (0.7, 0.7) are unseen.
    Dataset.Builder b = Dataset.builder("two-tastes");
    float[][] iv = new float[12][];
    for (int i = 0; i < 12; i++) b.item(new Item("i" + i, "", "", List.of()));
    for (int i = 0; i < 5; i++) iv[i] = new float[] {1, 0.01f * i};
    for (int i = 5; i < 10; i++) iv[i] = new float[] {0.01f * (i - 5), 1};
    iv[10] = new float[] {1, 0.05f};
    iv[11] = new float[] {0.7f, 0.7f};
    for (int i = 0; i < 10; i++) b.interaction("u", "i" + i, 1, i, null);
    Dataset d = b.build();
    Embeddings items = Embeddings.of(iv);

    UserProfiles p = new MultiInterestProfiler(3, 5, 1L).fitTransform(d, null, items);
    // 10 items, 5 per interest: two interests, one per taste.
    assertThat(p.interestsTo(0) - p.interestsFrom(0)).isEqualTo(2);
    float[] a = p.interestVectors().row(0);
    float[] c = p.interestVectors().row(1);
    float[] first = a[0] > a[1] ? a : c;
    float[] second = a[0] > a[1] ? c : a;
    // Taste 1: mean of (1, 0..0.04) = (1, 0.02), normalised: x = 1/sqrt(1.0004).
    assertThat(first[0]).isCloseTo((float) (1 / Math.sqrt(1.0004)), within(1e-5f));
    assertThat(second[1]).isCloseTo((float) (1 / Math.sqrt(1.0004)), within(1e-5f));

    org.interestlab.recommend.TrainingData multi = new org.interestlab.recommend.TrainingData(d, p, items, null);
    // Best interest match: item 10 (cos ≈ 0.9997 with taste 1) beats item 11 (cos ≈ 0.72).
    assertThat(new org.interestlab.recommend.TopKRecommendations(new org.interestlab.recommend.ContentKnnRecommender().fit(multi), multi).forUser(0, 2)).containsExactly(10, 11);
    // With the single mean vector (≈ (0.7, 0.7)) the in-between item 11 comes first.
    org.interestlab.recommend.TrainingData single = new org.interestlab.recommend.TrainingData(d, new UserProfiles(p.vectors(), p.present()), items, null);
    assertThat(new org.interestlab.recommend.TopKRecommendations(new org.interestlab.recommend.ContentKnnRecommender().fit(single), single).forUser(0, 2)).containsExactly(11, 10);
  }
}
