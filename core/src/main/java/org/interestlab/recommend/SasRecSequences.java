package org.interestlab.recommend;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;

/**
 * Each user's training items in time order — what SASRec reads — and the padded batches made from
 * them. Equal timestamps keep the dataset's order, as the splits do (leave-last-out calls the later
 * one in the file the latest). Repeated items stay in the sequence: they happened.
 *
 * @param items per user, item indices oldest first (empty for a user without training events)
 * @param numItems catalogue size
 */
record SasRecSequences(int[][] items, int numItems) {

  static SasRecSequences of(Dataset train) {
    List<Interaction> all = train.interactions();
    int[] order = IntStream.range(0, all.size()).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> all.get(i).timestamp()).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
    List<List<Integer>> perUser = new ArrayList<>();
    for (int u = 0; u < train.numUsers(); u++) perUser.add(new ArrayList<>());
    for (int i : order) perUser.get(all.get(i).user()).add(all.get(i).item());
    int[][] items = new int[train.numUsers()][];
    for (int u = 0; u < items.length; u++) items[u] = perUser.get(u).stream().mapToInt(Integer::intValue).toArray();
    return new SasRecSequences(items, train.numItems());
  }

  /**
   * The stopping split: every user with at least two items loses the latest one, which becomes their
   * stopping target ({@code -1} for the others).
   */
  SasRecSequences withoutLast(int[] targets) {
    int[][] rest = new int[items.length][];
    for (int u = 0; u < items.length; u++) {
      int n = items[u].length;
      targets[u] = n >= 2 ? items[u][n - 1] : -1;
      rest[u] = n >= 2 ? java.util.Arrays.copyOf(items[u], n - 1) : items[u];
    }
    return new SasRecSequences(rest, numItems);
  }

  /** Users with at least one next-item example (two or more items). */
  int[] trainableUsers() {
    return IntStream.range(0, items.length).filter(u -> items[u].length >= 2).toArray();
  }

  /** Items some sequence mentions: the pool negatives are drawn from. */
  int[] mentionedItems() {
    BitSet s = new BitSet(numItems);
    for (int[] seq : items) for (int i : seq) s.set(i);
    return s.stream().toArray();
  }

  /** The items of each user, as sets. */
  BitSet[] itemSets() {
    BitSet[] out = new BitSet[items.length];
    for (int u = 0; u < items.length; u++) {
      out[u] = new BitSet(numItems);
      for (int i : items[u]) out[u].set(i);
    }
    return out;
  }

  /**
   * One training batch: for each user, the last {@code min(n − 1, maxLength)} transitions — inputs
   * {@code s[t]}, positives {@code s[t + 1]} and one negative per position drawn uniformly from
   * {@code pool} outside the user's items (any pool item if the user has them all) — left-padded to the
   * longest row. Indices are item + 1 (0 = padding).
   */
  Batch trainingBatch(int[] users, int maxLength, int[] pool, BitSet[] sets, SplittableRandom rng) {
    int len = 0;
    for (int u : users) len = Math.max(len, Math.min(items[u].length - 1, maxLength));
    Batch b = new Batch(users.length, len);
    for (int r = 0; r < users.length; r++) {
      int[] s = items[users[r]];
      int m = Math.min(s.length - 1, maxLength);
      boolean full = sets[users[r]].cardinality() >= pool.length;
      for (int t = 0; t < m; t++) {
        int at = r * len + len - m + t;
        int src = s.length - 1 - m + t;
        b.seq[at] = s[src] + 1;
        b.pos[at] = s[src + 1] + 1;
        int neg;
        do {
          neg = pool[rng.nextInt(pool.length)];
        } while (!full && sets[users[r]].get(neg));
        b.neg[at] = neg + 1;
        b.keep[at] = 1f;
      }
    }
    return b;
  }

  /** The input for scoring: each user's last {@code min(n, maxLength)} items, left-padded. */
  Batch scoringBatch(int[] users, int maxLength) {
    int len = 1;
    for (int u : users) len = Math.max(len, Math.min(items[u].length, maxLength));
    Batch b = new Batch(users.length, len);
    for (int r = 0; r < users.length; r++) {
      int[] s = items[users[r]];
      int m = Math.min(s.length, maxLength);
      for (int t = 0; t < m; t++) {
        int at = r * len + len - m + t;
        b.seq[at] = s[s.length - m + t] + 1;
        b.keep[at] = 1f;
      }
    }
    return b;
  }

  /** Row-major {@code [rows, len]} arrays of one batch. */
  static final class Batch {
    final int rows;
    final int len;
    final long[] seq;
    final long[] pos;
    final long[] neg;
    final float[] keep;

    Batch(int rows, int len) {
      this.rows = rows;
      this.len = len;
      seq = new long[rows * len];
      pos = new long[rows * len];
      neg = new long[rows * len];
      keep = new float[rows * len];
    }
  }
}
