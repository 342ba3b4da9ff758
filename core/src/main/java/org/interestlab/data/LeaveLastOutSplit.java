package org.interestlab.data;

import java.util.Arrays;
import java.util.List;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Leave-last-out: each user's most recent interaction is the test set, the rest trains (the
 * protocol of many sequential-recommendation papers, e.g. SASRec and BERT4Rec).
 *
 * <p>"Most recent" is the largest timestamp; among equal timestamps, the one later in the dataset.
 * Users with a single interaction keep it in training (they have no history to predict from). A
 * user's tags at or after the time of their held-out interaction go to test, earlier ones train,
 * so a tag cannot reveal the held-out item. A held-out item that no training interaction mentions
 * is dropped from test. Both halves keep the dataset's order. No parameters.
 *
 * <p>Cost: O(n) time and O(users) memory.
 *
 * <pre>{@code
 * Split s = new LeaveLastOutSplit().split(dataset);
 * }</pre>
 */
public record LeaveLastOutSplit() implements Splitter {
  /** The parameters, as a config names them: only {@code k_core} ({@link KCoreFilter} first). */
  public static final ParamList PARAMS = ParamList.of(KCoreFilter.K_CORE);

  /** The config's {@code split: { kind: leave-last-out }}. */
  public static final ComponentSpec<Splitter> SPEC = new ComponentSpec<>("leave-last-out", "each user's latest interaction is test",
      PARAMS, (p, seed) -> KCoreFilter.before(p.getInt("k_core"), new LeaveLastOutSplit()));

  @Override
  public Splitter forValidation(double share) {
    return this;
  }

  @Override
  public Split split(Dataset d) {
    List<Interaction> all = d.interactions();
    int[] last = new int[d.numUsers()];
    int[] count = new int[d.numUsers()];
    Arrays.fill(last, -1);
    for (int i = 0; i < all.size(); i++) {
      Interaction x = all.get(i);
      count[x.user()]++;
      // >= keeps the later event among equal timestamps.
      if (last[x.user()] < 0 || x.timestamp() >= all.get(last[x.user()]).timestamp()) last[x.user()] = i;
    }
    boolean[] test = new boolean[all.size()];
    long[] cut = new long[d.numUsers()];
    Arrays.fill(cut, Long.MAX_VALUE);
    for (int u = 0; u < d.numUsers(); u++) {
      if (count[u] >= 2) {
        test[last[u]] = true;
        cut[u] = all.get(last[u]).timestamp();
      }
    }
    List<Interaction> tags = d.tags();
    boolean[] testTag = new boolean[tags.size()];
    for (int i = 0; i < tags.size(); i++) testTag[i] = tags.get(i).timestamp() >= cut[tags.get(i).user()];
    return Splits.assemble(d, test, testTag);
  }
}
