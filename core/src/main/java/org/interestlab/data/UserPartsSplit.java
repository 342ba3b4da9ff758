package org.interestlab.data;

import static org.interestlab.params.ParamSpec.integer;

import java.util.Locale;
import org.interestlab.UserException;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A per-user random split into training, validation and test parts by integer weights, counted as
 * RecBole counts its {@code eval_args: {split: {RS: [0.8, 0.1, 0.1]}, group_by: user, order: RO}}
 * (RecBole's {@code Dataset.split_by_ratio} with {@code _calcu_split_ids}): for a user with n
 * interactions and weights train : validation : test = a : b : c (sum W), the validation and test
 * parts get ⌊n·b / W⌋ and ⌊n·c / W⌋ interactions and training the rest; then, test first, a part
 * whose exact share n·w / W lies strictly between 0 and 1 gets one interaction from training while
 * training still holds more than one. With 8 : 1 : 1, n = 1 gives 1/0/0, n = 2 gives 1/0/1,
 * n = 3…19 give (n − 2)/1/1, n = 20 gives 16/2/2. Counting is done in
 * integers, so it never depends on how 0.1 rounds.
 *
 * <p>Which interactions: a seeded shuffle of each user's interactions (RecBole shuffles all
 * interactions and then groups them by user, which is the same per-user uniform order); the last
 * test-count of the shuffle are test. {@link #split} returns training + validation as the training
 * part, because a run fits its final model on both; {@link #forValidation} then takes the
 * validation part out of that training part.
 *
 * <p><b>Validation, and where it differs from RecBole.</b> The validation splitter sees only the
 * training part, m = n − test interactions per user, never the test part; it takes ⌊m·b / (a + b)⌋
 * of them by the same rule (with the same small-count step). This equals RecBole's validation count
 * for every n except n ≡ 9 (mod 10) with n ≥ 19 at 8 : 1 : 1, where it takes one more (n = 19: 2
 * instead of 1), because m alone cannot tell n = 19 from n = 20. The {@code share} a config gives
 * under {@code validation:} is a share of the training part, so RecBole's validation part, 1 of
 * 8 + 1, is {@code share: 0.1111}; any other share is refused rather than silently ignored.
 *
 * <p>Tags on a (user, item) pair with a test interaction go to test, the rest train. Test events
 * whose item never occurs in training are dropped ({@link Split}); RecBole keeps them. Both halves
 * keep the dataset's order. Cost: O(n) time and memory.
 *
 * <pre>{@code
 * Split s = UserPartsSplit.defaults(2020).split(dataset);        // 8 : 1 : 1
 * Split v = UserPartsSplit.defaults(2020).forValidation(1 / 9.0).split(s.train());
 * }</pre>
 *
 * @param trainParts weight of the training part, at least 1 (default 8)
 * @param validationParts weight of the validation part, 0 for none (default 1)
 * @param testParts weight of the test part, at least 1 (default 1)
 * @param seed seeds the per-user shuffles
 */
public record UserPartsSplit(int trainParts, int validationParts, int testParts, long seed) implements Splitter {
  /** How far a config's {@code validation.share} may be from b / (a + b) (so 0.1111 stands for 1/9). */
  static final double SHARE_TOLERANCE = 5e-4;

  /** The parameters, as a config names them; filters apply before splitting (rating first, as RecBole). */
  public static final ParamList PARAMS = ParamList.of(
      integer("train_parts", 8, 1, 1000, "weight of each user's training part (RecBole's RS 0.8 → 8)"),
      integer("validation_parts", 1, 0, 1000, "weight of each user's validation part, 0 for none (RS 0.1 → 1)"),
      integer("test_parts", 1, 1, 1000, "weight of each user's test part (RS 0.1 → 1)"),
      RatingFilter.MIN_RATING, KCoreFilter.K_CORE);

  /** The config's {@code split: { kind: user-parts }}. */
  public static final ComponentSpec<Splitter> SPEC = new ComponentSpec<>("user-parts",
      "per-user random train / validation / test parts by weights, counted as RecBole's RS split", PARAMS,
      (p, seed) -> RatingFilter.before(p.getDouble("min_rating"), KCoreFilter.before(p.getInt("k_core"),
          new UserPartsSplit(p.getInt("train_parts"), p.getInt("validation_parts"), p.getInt("test_parts"), seed))));

  public UserPartsSplit {
    PARAMS.check("train_parts", trainParts);
    PARAMS.check("validation_parts", validationParts);
    PARAMS.check("test_parts", testParts);
  }

  /** RecBole's default 8 : 1 : 1 with the given seed. */
  public static UserPartsSplit defaults(long seed) {
    return new UserPartsSplit(8, 1, 1, seed);
  }

  /**
   * The validation part out of the training part: ⌊m·b / (a + b)⌋ of each user's m training
   * interactions by the same counting rule, shuffled by a seed distinct from the test split's.
   *
   * @param share must be b / (a + b) within 0.0005 (1/9 ≈ 0.1111 for 8 : 1 : 1)
   * @throws UserException without validation parts, or for another share
   */
  @Override
  public Splitter forValidation(double share) {
    if (validationParts == 0) {
      throw new UserException("split user-parts has validation_parts: 0, so it cannot carve a validation set — give validation_parts ≥ 1");
    }
    double expected = (double) validationParts / (trainParts + validationParts);
    if (!(Math.abs(share - expected) <= SHARE_TOLERANCE)) {
      throw new UserException(String.format(Locale.ROOT, "validation.share: %s does not match split user-parts %d:%d:%d, whose "
          + "validation part is %d of the %d training parts — write share: %.4f", share, trainParts, validationParts, testParts,
          validationParts, trainParts + validationParts, expected));
    }
    return new UserPartsSplit(trainParts, 0, validationParts, Splits.mix(seed, -1));
  }

  /**
   * Interactions per part for a user with {@code n}: {@code {train, validation, test}}, RecBole's
   * {@code _calcu_split_ids} in integer arithmetic.
   */
  int[] counts(int n) {
    int[] weight = {trainParts, validationParts, testParts};
    long total = (long) trainParts + validationParts + testParts;
    int[] count = new int[3];
    count[1] = (int) ((long) n * validationParts / total);
    count[2] = (int) ((long) n * testParts / total);
    count[0] = n - count[1] - count[2];
    // A part whose exact share is in (0, 1) would round to nothing: it takes one from training, last part first.
    for (int part = 2; part >= 1; part--) {
      if (count[0] <= 1) break;
      long share = (long) n * weight[part];
      if (share > 0 && share < total) {
        count[part]++;
        count[0]--;
      }
    }
    return count;
  }

  @Override
  public Split split(Dataset d) {
    return Splits.perUserShuffled(d, seed, n -> counts(n)[2]);
  }
}
