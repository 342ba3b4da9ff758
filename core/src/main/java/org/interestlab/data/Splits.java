package org.interestlab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/** What every splitter does last: drop test events whose user (or, except for held-out items, item) training never saw. */
final class Splits {
  private Splits() {}

  /**
   * The per-user random split of {@link RatioSplit} and {@link UserPartsSplit}: each user's
   * interactions, in dataset order, shuffled by Fisher–Yates with a generator seeded by {@link
   * #mix}(seed, user); the last {@code testCount(n)} of a user's n go to test. A tag goes to test when
   * its (user, item) pair has a test interaction.
   */
  static Split perUserShuffled(Dataset d, long seed, IntUnaryOperator testCount) {
    List<Interaction> all = d.interactions();
    List<List<Integer>> byUser = new ArrayList<>(d.numUsers());
    for (int u = 0; u < d.numUsers(); u++) byUser.add(new ArrayList<>());
    for (int i = 0; i < all.size(); i++) byUser.get(all.get(i).user()).add(i);
    boolean[] test = new boolean[all.size()];
    Set<Long> testPairs = new HashSet<>();
    for (int u = 0; u < d.numUsers(); u++) {
      List<Integer> mine = byUser.get(u);
      if (mine.isEmpty()) continue;
      Random rng = new Random(mix(seed, u));
      for (int i = mine.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Integer tmp = mine.get(i);
        mine.set(i, mine.get(j));
        mine.set(j, tmp);
      }
      for (int r = mine.size() - testCount.applyAsInt(mine.size()); r < mine.size(); r++) {
        test[mine.get(r)] = true;
        testPairs.add(pair(u, all.get(mine.get(r)).item()));
      }
    }
    List<Interaction> tags = d.tags();
    boolean[] testTag = new boolean[tags.size()];
    for (int i = 0; i < tags.size(); i++) testTag[i] = testPairs.contains(pair(tags.get(i).user(), tags.get(i).item()));
    return assemble(d, test, testTag);
  }

  private static long pair(int user, int item) {
    return ((long) user << 32) | (item & 0xffffffffL);
  }

  /** SplitMix64 finaliser over seed and user: well-spread, independent streams per user. */
  static long mix(long seed, int user) {
    long z = seed + 0x9E3779B97F4A7C15L * (user + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Builds the split from membership flags (input order is kept in both halves).
   *
   * @param testInteraction per interaction: goes to test
   * @param testTag per tag: goes to test
   */
  static Split assemble(Dataset d, boolean[] testInteraction, boolean[] testTag) {
    return assemble(d, testInteraction, testTag, false);
  }

  /**
   * {@link #assemble(Dataset, boolean[], boolean[])}, where {@code unseenItemsAllowed} keeps test
   * events whose item training never saw (the held-out items of {@link HeldOutItemsSplit}); events of
   * users training never saw are dropped either way.
   */
  static Split assemble(Dataset d, boolean[] testInteraction, boolean[] testTag, boolean unseenItemsAllowed) {
    List<Interaction> all = d.interactions();
    boolean[] seenUser = new boolean[d.numUsers()];
    boolean[] seenItem = new boolean[d.numItems()];
    List<Interaction> train = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (testInteraction[i]) continue;
      Interaction x = all.get(i);
      train.add(x);
      seenUser[x.user()] = true;
      seenItem[x.item()] = true;
    }
    List<Interaction> test = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < all.size(); i++) {
      Interaction x = all.get(i);
      if (!testInteraction[i]) continue;
      if (seenUser[x.user()] && (unseenItemsAllowed || seenItem[x.item()])) test.add(x);
      else dropped++;
    }
    List<Interaction> trainTags = new ArrayList<>();
    List<Interaction> testTags = new ArrayList<>();
    List<Interaction> tags = d.tags();
    for (int i = 0; i < tags.size(); i++) {
      Interaction t = tags.get(i);
      if (!testTag[i]) trainTags.add(t);
      else if (seenUser[t.user()] && (unseenItemsAllowed || seenItem[t.item()])) testTags.add(t);
    }
    return new Split(d.withInteractions(train, trainTags), d.withInteractions(test, testTags), dropped);
  }

}
