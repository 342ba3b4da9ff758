package org.interestlab.data;

import static org.interestlab.params.ParamSpec.openInterval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A per-user random split: for each user, a seeded shuffle of their interactions puts {@code
 * round(trainRatio × count)} of them in training and the rest in test. This is the stratified
 * random protocol of Microsoft Recommenders' MovieLens benchmarks ({@code python_stratified_split},
 * ratio 0.75): every user appears in both halves in proportion, unlike a global random split.
 *
 * <p>Rounding is half to even, as numpy's {@code round} in that benchmark: 2 interactions at 0.75
 * give 2 train / 0 test; 6 give 4 / 2. Each user's shuffle uses its own generator derived from
 * {@code seed} and the user index, so a user's split does not depend on the other users. Tags on a
 * (user, item) pair that has a test interaction go to test, the rest train, so a tag cannot reveal
 * a test item. Test events whose item never occurs in training are dropped. Both halves keep the
 * dataset's order.
 *
 * <p>Cost: O(n) time and memory.
 *
 * <pre>{@code
 * Split s = new RatioSplit(0.75, 42).split(dataset);
 * }</pre>
 *
 * @param trainRatio share of each user's interactions in training, in (0, 1); configs use 0.75
 * @param seed seeds the shuffles; the same seed gives the same split
 */
public record RatioSplit(double trainRatio, long seed) implements Splitter {
  /** The Microsoft Recommenders benchmark's ratio. */
  public static final double DEFAULT_TRAIN_RATIO = 0.75;

  /** The parameters, as a config names them ({@code k_core} applies {@link KCoreFilter} first). */
  public static final ParamList PARAMS = ParamList.of(
      openInterval("train_ratio", DEFAULT_TRAIN_RATIO, 0, 1, "share of each user's interactions kept for training"), KCoreFilter.K_CORE);

  /** The config's {@code split: { kind: ratio }}. */
  public static final ComponentSpec<Splitter> SPEC = new ComponentSpec<>("ratio", "per-user random split (e.g. 75/25)", PARAMS,
      (p, seed) -> KCoreFilter.before(p.getInt("k_core"), new RatioSplit(p.getDouble("train_ratio"), seed)));

  public RatioSplit {
    PARAMS.check("train_ratio", trainRatio);
  }

  /** The config's default ratio, 0.75, with the given seed. */
  public static RatioSplit defaults(long seed) {
    return new RatioSplit(DEFAULT_TRAIN_RATIO, seed);
  }

  /** {@code share} of each user's training interactions, shuffled by a seed distinct from the test split's. */
  @Override
  public Splitter forValidation(double share) {
    return new RatioSplit(1 - share, mix(seed, -1));
  }

  @Override
  public Split split(Dataset d) {
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
      // Fisher–Yates over the user's interactions in dataset order.
      for (int i = mine.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Integer tmp = mine.get(i);
        mine.set(i, mine.get(j));
        mine.set(j, tmp);
      }
      int nTrain = (int) Math.rint(trainRatio * mine.size());
      for (int r = nTrain; r < mine.size(); r++) {
        test[mine.get(r)] = true;
        testPairs.add(pair(u, all.get(mine.get(r)).item()));
      }
    }
    List<Interaction> tags = d.tags();
    boolean[] testTag = new boolean[tags.size()];
    for (int i = 0; i < tags.size(); i++) testTag[i] = testPairs.contains(pair(tags.get(i).user(), tags.get(i).item()));
    return Splits.assemble(d, test, testTag);
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
}
