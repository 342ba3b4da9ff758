package org.interestlab.recommend;

import java.util.BitSet;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.compute.Embeddings;
import org.interestlab.profile.UserProfiles;

/**
 * Everything a recommender may learn from: the training interactions, and, where the pipeline
 * built them, user profiles, item vectors and each user's interest cluster ({@code -1} = none).
 *
 * @param itemHasContent per item, whether its row of {@code itemVectors} is a real content vector
 *     (an item with no text and no training review has none: its row is zeros); null = every item has
 */
public record TrainingData(Dataset train, UserProfiles profiles, Embeddings itemVectors, int[] userClusters, boolean[] itemHasContent) {

  /** Every item with content. */
  public TrainingData(Dataset train, UserProfiles profiles, Embeddings itemVectors, int[] userClusters) {
    this(train, profiles, itemVectors, userClusters, null);
  }

  public static TrainingData of(Dataset train) {
    return new TrainingData(train, null, null, null);
  }

  /** Whether item {@code i} has a content vector. */
  public boolean hasContent(int item) {
    return itemHasContent == null || itemHasContent[item];
  }

  /** Items each user interacted with in training. */
  public BitSet[] seenItems() {
    BitSet[] seen = new BitSet[train.numUsers()];
    for (int u = 0; u < seen.length; u++) seen[u] = new BitSet(train.numItems());
    for (Interaction i : train.interactions()) seen[i.user()].set(i.item());
    return seen;
  }

  /** Number of training interactions per item (each user–item pair counted once). */
  public int[] itemPopularity() {
    int[] pop = new int[train.numItems()];
    BitSet[] seen = seenItems();
    for (BitSet s : seen) for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) pop[i]++;
    return pop;
  }

  public int[] requireClusters(String who) {
    if (userClusters == null) throw new IllegalStateException(who + " needs user clusters: configure a clusterer");
    return userClusters;
  }

}
