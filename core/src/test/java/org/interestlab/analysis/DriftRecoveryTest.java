package org.interestlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interestlab.analysis.ClusterTracker;
import org.interestlab.analysis.ClusterTracker.Snapshot;
import org.interestlab.analysis.DynamicInterests;
import org.interestlab.data.Dataset;
import org.interestlab.data.TimeWindows;
import org.interestlab.data.synthetic.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built case. Topics a, b and the emerging "new" (from day 60). Windows of 30 days: w0 =
 * days 0–29, w1 = 30–59, w2 = 60–89. Planted: u0 a → b on day 40 (w1), u3 b → a on day 50 (w1),
 * u2 b → new on day 65 (w2); u1 stays with a.
 *
 * <p>Clusters: w0 {u0, u1} = c0, {u2, u3} = c1. w1: u0 moves to c1 → c1 = {u0, u2, u3}, most of
 * whom hold b at the end of w1: named b, so u0's drift is found; u3 stays in c1 (not found). w2: u2
 * alone in the new c2 (named "new": a birth, since c1 gave it only 1 of its 3 users at min overlap
 * 0.5), so u2's drift is found and so is the emerging topic, in window 2; u1 moves to c1 (a drift
 * the truth does not plant). Recall 2/3; reported drifts u0@w1, u2@w2, u1@w2, two of them at
 * planted drifts: precision 2/3.
 */
class DriftRecoveryTest {
  private static final long DAY = 86_400;

  @TempDir Path dir;

  @Test
  void recallPrecisionAndTheEmergingBirthOfAHandBuiltCase() throws IOException {
    Files.writeString(dir.resolve("truth_topics.csv"), """
        topic_index,topic,emerging,available_from,popularity
        0,a,false,1970-01-01,0.5000
        1,b,false,1970-01-01,0.5000
        2,new,true,1970-03-02,0.0000
        """);
    Files.writeString(dir.resolve("truth_items.csv"), "item_id,topic,secondary_topic\ni1,a,\n");
    Files.writeString(dir.resolve("truth_users.csv"), "user_id,interests,weights,primary_year,primary_final,drift_timestamp,drift_date,drift_from,drift_to\n"
        + "u0,a,1.00,b,b," + 40 * DAY + ",x,a,b\n"
        + "u1,a,1.00,a,a,,,,\n"
        + "u2,b,1.00,new,new," + 65 * DAY + ",x,b,new\n"
        + "u3,b,1.00,a,a," + 50 * DAY + ",x,b,a\n");
    GroundTruth truth = GroundTruth.read(dir);
    Dataset.Builder b = Dataset.builder("hand");
    for (String u : List.of("u0", "u1", "u2", "u3")) {
      b.interaction(u, "i1", 5, 0, "");
      b.interaction(u, "i2", 5, 89 * DAY, "");
    }
    Dataset data = b.build();
    List<TimeWindows.Window> windows = new TimeWindows(30).of(data);
    assertThat(windows).hasSize(3);
    int[] all = {0, 1, 2, 3};
    List<Snapshot> snapshots = List.of(
        Snapshot.of(all, new int[] {0, 0, 1, 1}),
        Snapshot.of(all, new int[] {1, 0, 1, 1}),
        Snapshot.of(all, new int[] {1, 1, 2, 1}));
    ClusterTracker.Tracking tracking = new ClusterTracker(0.5).track(snapshots);
    DriftRecovery r = DriftRecovery.evaluate(new DynamicInterests.Result(windows, snapshots, List.of(), tracking), data, truth);
    assertThat(r.planted()).isEqualTo(3);
    assertThat(r.found()).isEqualTo(2);
    assertThat(r.missed()).containsExactly(3);
    assertThat(r.recall()).isEqualTo(2 / 3.0);
    assertThat(r.reported()).isEqualTo(3);
    assertThat(r.reportedAtPlanted()).isEqualTo(2);
    assertThat(r.precision()).isEqualTo(2 / 3.0);
    assertThat(r.emergingBirthWindow()).isEqualTo(2);
    assertThat(DriftRecovery.clusterTopics(snapshots.get(1), windows.get(1), data, truth)).containsEntry(0, 0).containsEntry(1, 1);
  }
}
