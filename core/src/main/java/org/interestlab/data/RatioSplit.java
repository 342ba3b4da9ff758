package org.interestlab.data;

import static org.interestlab.params.ParamSpec.openInterval;

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
    return new RatioSplit(1 - share, Splits.mix(seed, -1));
  }

  @Override
  public Split split(Dataset d) {
    return Splits.perUserShuffled(d, seed, n -> n - (int) Math.rint(trainRatio * n));
  }
}
