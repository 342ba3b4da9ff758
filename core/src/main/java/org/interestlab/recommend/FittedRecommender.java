package org.interestlab.recommend;

import java.util.BitSet;

/** A fitted recommender: for a user, the top-k item indices, best first. */
public interface FittedRecommender {
  /**
   * @param user dense user index
   * @param k how many items (fewer if fewer are left)
   * @param exclude items never to return (at least the user's training items); may be null
   */
  int[] recommend(int user, int k, BitSet exclude);
}
