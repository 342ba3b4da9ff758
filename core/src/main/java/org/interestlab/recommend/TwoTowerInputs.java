package org.interestlab.recommend;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Interaction;
import org.interestlab.profile.UserProfiles;

/**
 * What {@link TwoTowerRecommender} trains on, read once from {@link TrainingData}: unit-length text
 * vectors of users (review profiles) and items (item documents; zeros for an item without content),
 * each covered user's training items, and the stopping split — each user's latest training item
 * (by time, then by position in the data), held out of the pairs while the epoch count is chosen.
 * Only users with a profile are trained and scored; a user keeps a stopping item only when at least
 * one other training item remains.
 */
record TwoTowerInputs(int dim, float[] userText, float[] itemText, boolean[] itemHasContent, BitSet[] seen, int[] stoppingItem) {

  static TwoTowerInputs of(TrainingData data) {
    Embeddings items = ContentKnnRecommender.requireItemVectors(data, "two-tower").l2Normalized();
    UserProfiles profiles = data.profiles();
    Embeddings users = profiles.vectors().l2Normalized();
    int numUsers = data.train().numUsers();
    int numItems = data.train().numItems();
    boolean[] hasContent = new boolean[numItems];
    float[] itemText = items.data().clone();
    for (int i = 0; i < numItems; i++) {
      hasContent[i] = data.hasContent(i);
      if (!hasContent[i]) Arrays.fill(itemText, i * items.dim(), (i + 1) * items.dim(), 0f);
    }
    BitSet[] seen = data.seenItems();
    for (int u = 0; u < numUsers; u++) if (!profiles.isPresent(u)) seen[u].clear();
    return new TwoTowerInputs(items.dim(), users.data().clone(), itemText, hasContent, seen, latestItems(data.train().interactions(), seen));
  }

  /** Per user, the item of the latest interaction (ties: the later one in the list), or −1 if it would leave no training item. */
  private static int[] latestItems(List<Interaction> interactions, BitSet[] seen) {
    int[] item = new int[seen.length];
    long[] time = new long[seen.length];
    Arrays.fill(item, -1);
    Arrays.fill(time, Long.MIN_VALUE);
    for (Interaction x : interactions) {
      if (!seen[x.user()].isEmpty() && x.timestamp() >= time[x.user()]) {
        time[x.user()] = x.timestamp();
        item[x.user()] = x.item();
      }
    }
    for (int u = 0; u < seen.length; u++) if (seen[u].cardinality() < 2) item[u] = -1;
    return item;
  }

  int numUsers() {
    return seen.length;
  }

  int numItems() {
    return itemHasContent.length;
  }

  /** Each user's training items, without the stopping item when {@code withoutStopping}. */
  BitSet[] trainingItems(boolean withoutStopping) {
    BitSet[] out = new BitSet[seen.length];
    for (int u = 0; u < seen.length; u++) {
      out[u] = (BitSet) seen[u].clone();
      if (withoutStopping && stoppingItem[u] >= 0) out[u].clear(stoppingItem[u]);
    }
    return out;
  }

  /** Whether any user has a stopping item. */
  boolean hasStoppingSet() {
    for (int i : stoppingItem) if (i >= 0) return true;
    return false;
  }
}
