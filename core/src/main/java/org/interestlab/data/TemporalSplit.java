package org.interestlab.data;

import static org.interestlab.params.ParamSpec.openInterval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A global temporal split: the latest {@code testFraction} of all interactions form the test set,
 * everything before the cut trains. This is how a deployed recommender meets the future, so it is
 * the default for measuring interest drift.
 *
 * <p>Interactions are ordered by (timestamp, user index, item index, position in the dataset); the
 * last {@code round(testFraction × n)} of that order (rounding half up) are test. Ordering ties by
 * user and item makes the cut deterministic when many events share a timestamp (MovieLens and
 * Amazon have day-resolution times). Let the cut time be the timestamp of the first test
 * interaction: tags strictly before it train, tags at or after it go to test, so no tag written
 * after the cut leaks into training. Test events whose user or item never occurs in training are
 * dropped. Both halves keep the dataset's order.
 *
 * <p>Cost: O(n log n) for the sort, O(n) memory.
 *
 * <pre>{@code
 * Split s = new TemporalSplit(0.2).split(dataset);   // last 20% of interactions are test
 * }</pre>
 *
 * @param testFraction share of interactions in the test set, in (0, 1); configs use 0.2
 */
public record TemporalSplit(double testFraction) implements Splitter {
  /** The usual choice, used by configs that leave it out. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  /** The parameters, as a config names them ({@code k_core} applies {@link KCoreFilter} first). */
  public static final ParamList PARAMS = ParamList.of(
      openInterval("test_fraction", DEFAULT_TEST_FRACTION, 0, 1, "share of interactions after the cut"), KCoreFilter.K_CORE);

  /** The config's {@code split: { kind: temporal }}. */
  public static final ComponentSpec<Splitter> SPEC = new ComponentSpec<>("temporal",
      "global time cut: the latest test_fraction of interactions are test", PARAMS,
      (p, seed) -> KCoreFilter.before(p.getInt("k_core"), new TemporalSplit(p.getDouble("test_fraction"))));

  public TemporalSplit {
    PARAMS.check("test_fraction", testFraction);
  }

  /** The config's default: the latest 20% are test. */
  public static TemporalSplit defaults() {
    return new TemporalSplit(DEFAULT_TEST_FRACTION);
  }

  @Override
  public Splitter forValidation(double share) {
    return new TemporalSplit(share);
  }

  @Override
  public Split split(Dataset d) {
    List<Interaction> all = d.interactions();
    int n = all.size();
    int nTest = (int) Math.min(n, Math.round(testFraction * n));
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> all.get(i).timestamp())
        .thenComparingInt(i -> all.get(i).user())
        .thenComparingInt(i -> all.get(i).item())
        .thenComparingInt(i -> i));
    boolean[] test = new boolean[n];
    for (int r = n - nTest; r < n; r++) test[order[r]] = true;
    long cut = nTest == 0 ? Long.MAX_VALUE : all.get(order[n - nTest]).timestamp();
    List<Interaction> tags = d.tags();
    boolean[] testTag = new boolean[tags.size()];
    for (int i = 0; i < tags.size(); i++) testTag[i] = tags.get(i).timestamp() >= cut;
    return Splits.assemble(d, test, testTag);
  }
}
