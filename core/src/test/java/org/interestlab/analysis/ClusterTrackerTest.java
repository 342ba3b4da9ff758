package org.interestlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.analysis.ClusterTracker.Drift;
import org.interestlab.analysis.ClusterTracker.Event;
import org.interestlab.analysis.ClusterTracker.EventType;
import org.interestlab.analysis.ClusterTracker.Flow;
import org.interestlab.analysis.ClusterTracker.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Three hand-built windows. w0: cluster 0 = users 0–4, cluster 1 = users 5–9. w1: 5 = {0–4}
 * (continues 0), 6 = {5, 6, 7} and 7 = {8, 9} (1 splits: 3/5 and 2/5 of it, all of each), 8 =
 * {10–13} (new users only: a birth). w2: 9 = {0–7} (5 and 6 merge: all of each, 5/8 and 3/8 of 9),
 * 10 = {10–13} (continues 8); users 8 and 9 are gone, so 7 dies.
 */
class ClusterTrackerTest {
  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  private static final List<Snapshot> WINDOWS = List.of(
      Snapshot.of(range(0, 10), new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}),
      Snapshot.of(range(0, 14), new int[] {5, 5, 5, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 8}),
      Snapshot.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13}, new int[] {9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 10, 10}));

  @Test
  void eventsWithTheirFlows() {
    ClusterTracker.Tracking t = new ClusterTracker(0.3).track(WINDOWS);
    assertThat(t.events()).containsExactly(
        new Event(1, EventType.CONTINUE, List.of(0), List.of(5), List.of(new Flow(0, 5, 5))),
        new Event(1, EventType.SPLIT, List.of(1), List.of(6, 7), List.of(new Flow(1, 6, 3), new Flow(1, 7, 2))),
        new Event(1, EventType.BIRTH, List.of(), List.of(8), List.of()),
        new Event(2, EventType.DEATH, List.of(7), List.of(), List.of()),
        new Event(2, EventType.CONTINUE, List.of(8), List.of(10), List.of(new Flow(8, 10, 4))),
        new Event(2, EventType.MERGE, List.of(5, 6), List.of(9), List.of(new Flow(5, 9, 5), new Flow(6, 9, 3))));
  }

  @Test
  void tracksAndDrifts() {
    ClusterTracker.Tracking t = new ClusterTracker(0.3).track(WINDOWS);
    // Tracks: 0 → T0, 1 → T1; 5 keeps T0, 6 (the larger part of the split) keeps T1, 7 starts T2,
    // the birth 8 starts T3; the merge 9 keeps T0 (its larger contributor 5), 10 keeps T3.
    assertThat(t.tracks().get(0)).isEqualTo(java.util.Map.of(0, 0, 1, 1));
    assertThat(t.tracks().get(1)).containsAllEntriesOf(java.util.Map.of(5, 0, 6, 1, 7, 2, 8, 3));
    assertThat(t.tracks().get(2)).containsAllEntriesOf(java.util.Map.of(9, 0, 10, 3));
    assertThat(t.drifts()).containsExactly(
        new Drift(8, 1, 1, 2, 1, 7), new Drift(9, 1, 1, 2, 1, 7),
        new Drift(5, 2, 1, 0, 6, 9), new Drift(6, 2, 1, 0, 6, 9), new Drift(7, 2, 1, 0, 6, 9));
  }

  /**
   * ARI w0 → w1 on users 0–9: contingency [[5, 0, 0], [0, 3, 2]]; Σ C(n_ij, 2) = 10 + 3 + 1 = 14,
   * rows 10 + 10 = 20, columns 10 + 3 + 1 = 14, C(10, 2) = 45, expected 20 · 14 / 45; ARI = (14 −
   * 6.2222) / (17 − 6.2222) = 0.7216494845. w1 → w2 on users 0–7, 10–13: [[5, 0], [3, 0], [0, 4]]
   * against two clusters that group them the same way except 5 and 6 merge: Σ = 10 + 3 + 6 = 19,
   * rows 10 + 3 + 6 = 19, columns 28 + 6 = 34, C(12, 2) = 66; expected 19 · 34 / 66 = 9.7879; ARI =
   * (19 − 9.7879) / (26.5 − 9.7879) = 0.5512239.
   */
  @Test
  void stabilityIsTheAriOnSharedUsers() {
    ClusterTracker.Tracking t = new ClusterTracker(0.3).track(WINDOWS);
    assertThat(t.stability().get(0)).isCloseTo(0.7216494845360825, within(1e-12));
    assertThat(t.stability().get(1)).isCloseTo((19 - 19.0 * 34 / 66) / (26.5 - 19.0 * 34 / 66), within(1e-12));
  }

  @Test
  void aHighOverlapThresholdTurnsTheSplitIntoContinueAndBirth() {
    // At 0.5 the 2/5 share of 1 in 7 is too small: 1 continues as 6 and 7 is born.
    ClusterTracker.Tracking t = new ClusterTracker(0.5).track(WINDOWS.subList(0, 2));
    assertThat(t.events()).extracting(Event::type).containsExactly(EventType.CONTINUE, EventType.CONTINUE, EventType.BIRTH, EventType.BIRTH);
  }

  /**
   * Old cluster 0 = users 0–9. New cluster 5 = users 0–2 and ten new users, cluster 6 = users 3–9.
   * By overlap alone 0 → 6 (7 of 10, 7 of 7) and 0 → 5 falls short on 0's side (3 of 10 &lt; 0.4):
   * 0 continues as 6 and 5 is born. With centroids, 5's (0.95, 0.3122) is at cosine 0.95 from 0's
   * (1, 0) and 0 → 5 reaches the overlap on 5's side (3 of its 3 shared users): 0 splits into 5 and 6.
   */
  @Test
  void similarCentroidsMatchClustersWhoseMembersChurned() {
    int[] newUsers = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    int[] newLabels = {5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    Snapshot before = Snapshot.of(range(0, 10), new int[10], java.util.Map.of(0, new float[] {1, 0}));
    Snapshot after = Snapshot.of(newUsers, newLabels, java.util.Map.of(5, new float[] {0.95f, 0.3122f}, 6, new float[] {0, 1}));
    assertThat(new ClusterTracker(0.4, 2, 1).track(List.of(before, after)).events()).extracting(Event::type)
        .containsExactly(EventType.CONTINUE, EventType.BIRTH);
    assertThat(new ClusterTracker(0.4, 0.8, 1).track(List.of(before, after)).events()).extracting(Event::type)
        .containsExactly(EventType.SPLIT);
    assertThat(new ClusterTracker(0.4, 0.96, 1).track(List.of(before, after)).events()).extracting(Event::type)
        .containsExactly(EventType.CONTINUE, EventType.BIRTH);
  }

  @Test
  void persistenceDropsOneWindowExcursions() {
    // User 2 leaves cluster 0 for cluster 1 in window 1 and is back in window 2.
    List<Snapshot> w = List.of(
        Snapshot.of(range(0, 6), new int[] {0, 0, 0, 1, 1, 1}),
        Snapshot.of(range(0, 6), new int[] {0, 0, 1, 1, 1, 1}),
        Snapshot.of(range(0, 6), new int[] {0, 0, 0, 1, 1, 1}));
    assertThat(new ClusterTracker(0.3, 1).track(w).drifts()).hasSize(2);
    assertThat(new ClusterTracker(0.3, 2).track(w).drifts()).containsExactly(new Drift(2, 2, 1, 0, 1, 0));
  }

  @Test
  void badInput() {
    // The same declarations and wording as the config's dynamic: section.
    assertThatThrownBy(() -> new ClusterTracker(0)).isInstanceOf(ParameterException.class)
        .hasMessage("min_overlap: 0.0 is out of range — allowed: a number > 0 and ≤ 1");
    assertThatThrownBy(() -> new ClusterTracker(0.3, 0)).isInstanceOf(ParameterException.class)
        .hasMessage("persistence: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000");
    assertThatThrownBy(() -> new ClusterTracker(0.3, -2, 1)).isInstanceOf(ParameterException.class)
        .hasMessage("min_similarity: -2.0 is out of range — allowed: a number ≥ -1 and ≤ 2");
    assertThatThrownBy(() -> new ClusterTracker(0.3).track(List.of())).isInstanceOf(UserException.class).hasMessageContaining("no windows");
    assertThatThrownBy(() -> Snapshot.of(new int[] {1, 0}, new int[] {0, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    assertThatThrownBy(() -> Snapshot.of(new int[] {0}, new int[] {-1})).isInstanceOf(UserException.class).hasMessageContaining("label -1");
  }
}
