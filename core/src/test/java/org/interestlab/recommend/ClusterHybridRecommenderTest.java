package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.profile.UserProfiles;
import org.junit.jupiter.api.Test;

/**
 * The cluster hybrid and the cold-start claim on a case worked out by hand: items i2 and i3 have no
 * training interaction (cold), so collaborative models cannot tell them apart, while a model reading
 * the items' text can.
 *
 * <p>Fixture: u0 saw i0; u1 saw i0, i1; u2 saw i1. Clusters: {u0, u1} = 0, {u2} = 1. Item vectors i0
 * (1,0), i1 (0,1), i2 (1,0), i3 (0,1); profiles u0 (1,0), u1 (1,0), u2 (0,1).
 *
 * <p>By hand, for u0 (unseen items i1, i2, i3):
 * <ul>
 *   <li>EASE, λ = 1: G = XᵀX + I = [[3,1],[1,3]] on the warm items (cold items only λ on the diagonal,
 *       so their weights are 0); B₀₁ = −P₀₁/P₁₁ = 1/3. Scores (i1, i2, i3) = (1/3, 0, 0): mean 1/9, population
 *       sd √2/9, z = (√2, −√2/2, −√2/2).
 *   <li>Popularity in cluster 0: (i1, i2, i3) = (1, 0, 0): the same z.
 *   <li>Cluster 0's centroid (2,0) → (1,0); cosines (i1, i2, i3) = (0, 1, 0): mean 1/3, sd √2/3,
 *       z = (−1/√2, √2, −1/√2).
 * </ul>
 * So score = (1 + p)·(√2, −√2/2, −√2/2) + c·(−1/√2, √2, −1/√2), and the seen i0 gets 0.
 */
class ClusterHybridRecommenderTest {
  private static final double R2 = Math.sqrt(2);

  private static TrainingData fixture() {
    Dataset d = Dataset.builder("cold")
        .item(new Item("i0", "", "", List.of())).item(new Item("i1", "", "", List.of()))
        .item(new Item("i2", "", "", List.of())).item(new Item("i3", "", "", List.of()))
        .interaction("u0", "i0", 5, 0, "").interaction("u1", "i0", 5, 1, "").interaction("u1", "i1", 5, 2, "")
        .interaction("u2", "i1", 5, 3, "")
        .build();
    Embeddings items = new Embeddings(4, 2, new float[] {1, 0, 0, 1, 1, 0, 0, 1});
    UserProfiles users = new UserProfiles(new Embeddings(3, 2, new float[] {1, 0, 1, 0, 0, 1}), new boolean[] {true, true, true});
    return new TrainingData(d, users, items, new int[] {0, 0, 1});
  }

  @Test
  void blendsEaseWithTheClustersPopularityAndCentroid() {
    double[] s = new ClusterHybridRecommender(1, 0.5, 2).fit(fixture()).scores(0);
    // p = 0.5, c = 2: i1 = 1.5√2 − √2 = √2/2; i2 = −0.75√2 + 2√2 = 1.25√2; i3 = −0.75√2 − √2 = −1.75√2.
    assertThat(s).containsExactly(new double[] {0, R2 / 2, 1.25 * R2, -1.75 * R2}, within(1e-9));
    double[] popularityOnly = new ClusterHybridRecommender(1, 1, 0).fit(fixture()).scores(0);
    assertThat(popularityOnly).containsExactly(new double[] {0, 2 * R2, -R2, -R2}, within(1e-9));
    double[] easeOnly = new ClusterHybridRecommender(1, 0, 0).fit(fixture()).scores(0);
    assertThat(easeOnly).containsExactly(new double[] {0, R2, -R2 / 2, -R2 / 2}, within(1e-9));
  }

  @Test
  void aUserWithoutAClusterIsRankedByEaseAlone() {
    TrainingData td = fixture();
    TrainingData noCluster = new TrainingData(td.train(), td.profiles(), td.itemVectors(), new int[] {-1, 0, 1});
    assertThat(new ClusterHybridRecommender(1, 0.5, 2).fit(noCluster).scores(0))
        .containsExactly(new double[] {0, R2, -R2 / 2, -R2 / 2}, within(1e-9));
  }

  @Test
  void collaborativeModelsTieTheColdItemsWhileTextModelsOrderThem() {
    TrainingData td = fixture();
    // No interaction mentions i2 or i3: popularity 0, no co-occurrence (item-kNN 0), EASE weight 0.
    for (Recommender cf : List.of(new MostPopularRecommender(), ItemKnnRecommender.defaults(), new EaseRecommender(1, "cpu"))) {
      double[] s = cf.fit(td).scores(0);
      assertThat(s[2]).as("%s on cold i2", cf).isCloseTo(0, within(1e-12));
      assertThat(s[3]).as("%s on cold i3", cf).isCloseTo(0, within(1e-12));
    }
    // u0's profile (1,0) reads like i2 (cosine 1), not like i3 (cosine 0).
    double[] content = new ContentKnnRecommender().fit(td).scores(0);
    assertThat(content[2]).isCloseTo(1, within(1e-6));
    assertThat(content[3]).isCloseTo(0, within(1e-6));
    // Learned hybrid, λ = 1, weight 1: EASE z (√2, −√2/2, −√2/2) plus content z over (i1, i2, i3) = cos (0, 1, 0).
    double[] learned = new LearnedHybridRecommender(1, 1).fit(td).scores(0);
    assertThat(learned[2] - learned[3]).isCloseTo(R2 + 1 / R2, within(1e-6));
    double[] cluster = new ClusterHybridRecommender(1, 0, 1).fit(td).scores(0);
    assertThat(cluster[2] - cluster[3]).isCloseTo(R2 + 1 / R2, within(1e-6));
  }
}
