package org.interestlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class StreamingKMeansTest {
  private static final float[] EAST = {1, 0};
  private static final float[] NORTH = {0, 1};
  private static final float[] WEST = {-1, 0};

  /** {@code n} copies of each direction, slightly jittered (still within 0.01 of it in cosine distance). */
  private static Embeddings groups(int n, float[]... directions) {
    float[][] rows = new float[n * directions.length][];
    int r = 0;
    for (float[] d : directions) {
      for (int i = 0; i < n; i++) rows[r++] = new float[] {d[0] + 0.01f * i * (d[1] == 0 ? 0 : 1), d[1] + 0.01f * i * (d[0] == 0 ? 0 : 1)};
    }
    return Embeddings.of(rows);
  }

  @Test
  void clustersAreBornAndDieAsGroupsAppearAndVanish() {
    StreamingKMeans s = new StreamingKMeans(2, 0.5, 0.5, 3, 20, 7L);
    List<StreamingKMeans.Window> w = s.fit(List.of(groups(5, EAST, NORTH), groups(5, EAST, NORTH, WEST), groups(5, EAST, WEST)));
    assertThat(w.get(0).ids()).containsExactly(0, 1);
    int east = w.get(0).labels()[0];
    int north = w.get(0).labels()[5];
    assertThat(east).isNotEqualTo(north);
    assertThat(w.get(0).labels()).containsExactly(east, east, east, east, east, north, north, north, north, north);
    // WEST is at cosine distance 1 from EAST and from NORTH (> 0.5): five points found cluster 2.
    assertThat(w.get(1).born()).containsExactly(2);
    assertThat(w.get(1).ids()).containsExactly(0, 1, 2);
    assertThat(w.get(1).labels()).containsExactly(east, east, east, east, east, north, north, north, north, north, 2, 2, 2, 2, 2);
    // No point is near NORTH any more: its cluster dies, ids are not reused.
    assertThat(w.get(2).died()).containsExactly(north);
    assertThat(w.get(2).ids()).containsExactly(east, 2);
    assertThat(w.get(2).sizes()).containsExactly(5, 5);
  }

  /**
   * Worked by hand: window 0 has two points (1, 0) → centroid (1, 0), weight 2. Window 1 has one
   * point (0.6, 0.8); with decay 0.5 the centroid is the direction of 0.5 · 2 · (1, 0) + (0.6, 0.8)
   * = (1.6, 0.8), i.e. (0.894427191, 0.447213595).
   */
  @Test
  void pastEvidenceDecays() {
    StreamingKMeans s = new StreamingKMeans(1, 0.5, 2, 1, 20, 1L);
    List<StreamingKMeans.Window> w = s.fit(List.of(Embeddings.of(new float[][] {{1, 0}, {2, 0}}), Embeddings.of(new float[][] {{0.6f, 0.8f}})));
    assertThat(w.get(0).centroids().get(0, 0)).isCloseTo(1f, within(1e-6f));
    assertThat(w.get(1).centroids().get(0, 0)).isCloseTo(0.894427191f, within(1e-6f));
    assertThat(w.get(1).centroids().get(0, 1)).isCloseTo(0.447213595f, within(1e-6f));
    // decay 0: only the new window counts.
    List<StreamingKMeans.Window> forget = new StreamingKMeans(1, 0, 2, 1, 20, 1L)
        .fit(List.of(Embeddings.of(new float[][] {{1, 0}}), Embeddings.of(new float[][] {{0.6f, 0.8f}})));
    assertThat(forget.get(1).centroids().get(0, 1)).isCloseTo(0.8f, within(1e-6f));
  }

  /**
   * Ten points at (1, 0), ten at (0, 1), and point 20 at 40° (closer to the first group) in window 0,
   * at 50° in window 1. The first centroid stays within 4° of (1, 0) — cos 50° = 0.643 plus at most
   * 0.05 from its tilt —, below cos 40° = 0.766 to (0, 1): without stickiness the point moves; a
   * bonus of 0.2 keeps it with its previous cluster.
   */
  @Test
  void stickinessKeepsAHoveringPointInItsCluster() {
    float[][] w0 = new float[21][];
    float[][] w1 = new float[21][];
    for (int i = 0; i < 10; i++) {
      w0[i] = w1[i] = new float[] {1, 0};
      w0[10 + i] = w1[10 + i] = new float[] {0, 1};
    }
    w0[20] = new float[] {(float) Math.cos(Math.toRadians(40)), (float) Math.sin(Math.toRadians(40))};
    w1[20] = new float[] {(float) Math.cos(Math.toRadians(50)), (float) Math.sin(Math.toRadians(50))};
    List<Embeddings> windows = List.of(Embeddings.of(w0), Embeddings.of(w1));
    int[] ids = java.util.stream.IntStream.range(0, 21).toArray();
    for (double stickiness : new double[] {0, 0.2}) {
      StreamingKMeans s = new StreamingKMeans(2, 0.5, 1.5, 1, 20, stickiness, 5L);
      List<StreamingKMeans.Window> w = s.fit(windows, List.of(ids, ids));
      int east = w.get(0).labels()[0];
      int north = w.get(0).labels()[10];
      assertThat(w.get(0).labels()[20]).isEqualTo(east);
      assertThat(w.get(1).labels()[20]).isEqualTo(stickiness == 0 ? north : east);
    }
    // Without identities there is nothing to stick to.
    List<StreamingKMeans.Window> anonymous = new StreamingKMeans(2, 0.5, 1.5, 1, 20, 0.2, 5L).fit(windows);
    assertThat(anonymous.get(1).labels()[20]).isEqualTo(anonymous.get(1).labels()[10]);
    assertThatThrownBy(() -> new StreamingKMeans(2, 0.5, 1.5, 1, 20, 0.2, 5L).fit(windows, List.of(ids)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 id lists for 2 windows");
  }

  @Test
  void sameSeedSameResultAndInputIsNotMutated() {
    Embeddings a = groups(6, EAST, NORTH, WEST);
    Embeddings copy = new Embeddings(a.rows(), a.dim(), a.data().clone());
    StreamingKMeans s = new StreamingKMeans(3, 0.5, 0.5, 2, 20, 11L);
    List<StreamingKMeans.Window> first = s.fit(List.of(a, a));
    List<StreamingKMeans.Window> second = s.fit(List.of(a, a));
    for (int t = 0; t < 2; t++) {
      assertThat(first.get(t).labels()).isEqualTo(second.get(t).labels());
      assertThat(first.get(t).centroids()).isEqualTo(second.get(t).centroids());
    }
    assertThat(a).isEqualTo(copy);
  }

  @Test
  void badInput() {
    // The same declarations and wording as the config's dynamic: section.
    assertThatThrownBy(() -> new StreamingKMeans(0, 0.5, 0.5, 1, 1, 0)).isInstanceOf(ParameterException.class)
        .hasMessage("k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000");
    assertThatThrownBy(() -> new StreamingKMeans(1, 1.5, 0.5, 1, 1, 0)).isInstanceOf(ParameterException.class)
        .hasMessage("decay: 1.5 is out of range — allowed: a number ≥ 0 and ≤ 1");
    assertThatThrownBy(() -> new StreamingKMeans(1, 0.5, 0, 1, 1, 0)).isInstanceOf(ParameterException.class)
        .hasMessage("birth_distance: 0.0 is out of range — allowed: a number > 0 and ≤ 2");
    StreamingKMeans s = new StreamingKMeans(3, 0.5, 0.5, 1, 10, 0);
    assertThatThrownBy(() -> s.fit(List.of())).isInstanceOf(UserException.class).hasMessageContaining("no windows");
    assertThatThrownBy(() -> s.fit(List.of(groups(1, EAST, NORTH)))).isInstanceOf(UserException.class)
        .hasMessageContaining("k=3 is larger than the number of points in the first window (2)");
    Embeddings nan = Embeddings.of(new float[][] {{Float.NaN, 0}, {1, 0}, {0, 1}});
    assertThatThrownBy(() -> s.fit(List.of(groups(2, EAST, NORTH), nan))).isInstanceOf(UserException.class)
        .hasMessageContaining("window 1 contains NaN");
  }
}
