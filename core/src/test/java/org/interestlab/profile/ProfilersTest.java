package org.interestlab.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.encode.Embeddings;
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
    UserProfiles r = new MeanItemProfiler(10).profile(d, null, items);
    double n = Math.sqrt(0.25 + 1);
    assertThat(r.vectors().get(0, 0)).isCloseTo((float) (0.5 / n), within(1e-6f));
    assertThat(r.vectors().get(0, 1)).isCloseTo((float) (1 / n), within(1e-6f));
    UserProfiles plain = MeanItemProfiler.plain().profile(d, null, items);
    assertThat(plain.vectors().get(0, 0)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
  }

  @Test
  void usersWithoutHistoryAreAbsent() {
    Embeddings items = Embeddings.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
    UserProfiles r = MeanItemProfiler.plain().profile(data(), null, items);
    assertThat(r.presentUsers()).containsExactly(0, 1);
    assertThat(r.vectors().row(2)).containsExactly(0, 0);
  }
}
