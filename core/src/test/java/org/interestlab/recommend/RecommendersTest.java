package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.interestlab.compute.TopK;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class RecommendersTest {
  /*
   * Users a..e, items i0..i4.
   *   a: i0 i1      b: i0 i1 i2     c: i0 i2      d: i3 i4     e: i3
   * Popularity: i0=3, i1=2, i2=2, i3=2, i4=1.
   */
  private static Dataset data() {
    Dataset.Builder b = Dataset.builder("toy");
    for (int i = 0; i < 5; i++) b.item(new Item("i" + i, "", "", List.of()));
    String[][] h = {{"a", "i0", "i1"}, {"b", "i0", "i1", "i2"}, {"c", "i0", "i2"}, {"d", "i3", "i4"}, {"e", "i3"}};
    long t = 0;
    for (String[] row : h) for (int j = 1; j < row.length; j++) b.interaction(row[0], row[j], 1.0, t++, null);
    return b.build();
  }

  /** The user's top k unseen items, as the runner derives them from the scores. */
  private static int[] top(FittedRecommender r, TrainingData d, int user, int k) {
    return new TopKRecommendations(r, d).forUser(user, k);
  }

  @Test
  void topKBreaksTiesByLowerIndexAndSkipsExcluded() {
    double[] s = {1, 3, 3, 2, 3};
    assertThat(TopK.select(s, 3, null)).containsExactly(1, 2, 4);
    BitSet ex = new BitSet();
    ex.set(2);
    assertThat(TopK.select(s, 3, ex)).containsExactly(1, 4, 3);
    assertThat(TopK.select(s, 10, ex)).containsExactly(1, 4, 3, 0);
    assertThat(TopK.select(s, 0, null)).isEmpty();
  }

  @Test
  void mostPopularExcludesSeen() {
    TrainingData d = TrainingData.of(data());
    FittedRecommender r = new MostPopularRecommender().fit(d);
    // e saw i3; the rest by popularity 3,2,2,1 with index tie-break: i0, i1, i2, i4.
    assertThat(top(r, d, 4, 10)).containsExactly(0, 1, 2, 4);
    // c saw i0, i2: i1 (2), i3 (2), i4 (1).
    assertThat(top(r, d, 2, 2)).containsExactly(1, 3);
  }

  @Test
  void clusterPopularUsesTheUsersCluster() {
    Dataset ds = data();
    // Clusters: {a, b, c} = 0, {d, e} = 1.
    TrainingData d = new TrainingData(ds, null, null, new int[] {0, 0, 0, 1, 1});
    FittedRecommender r = new ClusterPopularRecommender().fit(d);
    // e (cluster 1) saw i3; cluster 1 counts: i3=2, i4=1, others 0 -> i4 first, then global order i0, i1, i2.
    assertThat(top(r, d, 4, 4)).containsExactly(4, 0, 1, 2);
    // a (cluster 0) saw i0, i1; cluster 0: i2=2, i3=0, i4=0; ties by global popularity i3 (2) > i4 (1).
    assertThat(top(r, d, 0, 3)).containsExactly(2, 3, 4);
    assertThatThrownBy(() -> new ClusterPopularRecommender().fit(TrainingData.of(ds)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clusterer");
  }

  @Test
  void itemKnnScoresByCosineCoOccurrence() {
    TrainingData d = TrainingData.of(data());
    FittedRecommender r = new ItemKnnRecommender(50).fit(d);
    // Users per item: i0 {a,b,c} i1 {a,b} i2 {b,c} i3 {d,e} i4 {d}.
    // sim(i0,i1) = 2/sqrt(3*2) = 0.8165, sim(i0,i2) = 0.8165, sim(i1,i2) = 1/sqrt(4) = 0.5,
    // sim(i3,i4) = 1/sqrt(2) = 0.7071; no other pair co-occurs.
    // c saw i0, i2: score(i1) = 0.8165 + 0.5 = 1.3165, i3 = i4 = 0 -> i1, then i3, i4 by index.
    assertThat(top(r, d, 2, 3)).containsExactly(1, 3, 4);
    // e saw i3: score(i4) = 0.7071, everything else 0.
    assertThat(top(r, d, 4, 1)).containsExactly(4);
    // With one neighbour per item, i0 keeps i1 (tie with i2, lower index); a (i0, i1) gets
    // score(i2) from i1's list only (i1's single neighbour is i0, so i2 scores 0) -> tie, index order.
    FittedRecommender one = new ItemKnnRecommender(1).fit(d);
    assertThat(top(one, d, 0, 3)).containsExactly(2, 3, 4);
  }

  @Test
  void contentKnnRanksByCosineToTheUsersProfile() {
    Dataset ds = data();
    // Items on the unit circle at 0°, 30°, 60°, 90°, 180°; user e (seen i3) has profile at 80°.
    double[] deg = {0, 30, 60, 90, 180};
    float[][] iv = new float[5][];
    for (int i = 0; i < 5; i++) iv[i] = new float[] {(float) Math.cos(Math.toRadians(deg[i])), (float) Math.sin(Math.toRadians(deg[i]))};
    float[][] uv = new float[5][2];
    uv[4] = new float[] {(float) (3 * Math.cos(Math.toRadians(80))), (float) (3 * Math.sin(Math.toRadians(80)))};
    boolean[] present = {false, false, false, false, true};
    TrainingData d = new TrainingData(ds, new org.interestlab.profile.UserProfiles(Embeddings.of(uv), present), Embeddings.of(iv), null);
    FittedRecommender r = new ContentKnnRecommender().fit(d);
    // Angles from 80°: i2 20°, i1 50°, i0 80°, i4 100° (i3, 10°, is seen).
    assertThat(top(r, d, 4, 4)).containsExactly(2, 1, 0, 4);
    assertThat(top(r, d, 0, 4)).isEmpty();
  }

  @Test
  void clusterCentroidUsesTheClustersMeanProfile() {
    Dataset ds = data();
    float[][] iv = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, {0, -1}};
    // Cluster 0 = {a, b}: profiles (1,0) and (0,1) -> centroid direction (1,1)/sqrt2.
    // Cluster 1 = {c, d, e}: (-1,0), (-1,0), (0,-1) -> direction (-2,-1).
    float[][] uv = {{1, 0}, {0, 1}, {-1, 0}, {-1, 0}, {0, -1}};
    boolean[] present = {true, true, true, true, true};
    TrainingData d = new TrainingData(ds, new org.interestlab.profile.UserProfiles(Embeddings.of(uv), present), Embeddings.of(iv),
        new int[] {0, 0, 1, 1, 1});
    FittedRecommender r = new ClusterCentroidRecommender().fit(d);
    // a saw i0, i1; cosines to (1,1): i2 = 1, i3 = -0.707, i4 = -0.707 -> i2, i3, i4 (tie by index).
    assertThat(top(r, d, 0, 3)).containsExactly(2, 3, 4);
    // e saw i3; cosines to (-2,-1)/sqrt5: i0 -0.894, i1 -0.447, i2 -0.949, i4 0.447 -> i4, i1, i0, i2.
    assertThat(top(r, d, 4, 4)).containsExactly(4, 1, 0, 2);
  }
}
