package org.interestlab.profile;

import java.util.List;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.encode.FittedEncoder;

/**
 * What vector stands for a user, in the estimator style: an immutable parameter record whose
 * {@link #fit} binds what profiles are made from (the fitted encoder, the item vectors) and returns
 * a {@link FittedProfiler} that turns any history of the same users and items — the training
 * part, or the events up to the end of a time window — into {@link UserProfiles}.
 *
 * <p>A profiler says what it needs, so the runner prepares exactly that: item vectors
 * ({@link #needsItemVectors()}) and texts the encoder must be fitted on besides the item texts
 * ({@link #encoderCorpus}, e.g. the users' own texts for a TF-IDF vocabulary).
 *
 * <pre>{@code
 * FittedProfiler p = new MeanItemProfiler(90).fit(train, encoder, itemVectors);
 * UserProfiles now = p.transform(train);
 * UserProfiles before2020 = p.transform(train.upTo(cutoff));
 * }</pre>
 */
public interface UserProfiler {
  /**
   * @param train the training interactions (and tags) — never the test part
   * @param encoder a fitted encoder, for profilers that embed user texts (may be null otherwise)
   * @param itemVectors one row per item of {@code train}, for profilers that average item vectors
   *     (may be null otherwise)
   */
  FittedProfiler fit(Dataset train, FittedEncoder encoder, Embeddings itemVectors);

  /** {@code fit(train, encoder, itemVectors).transform(train)}. */
  default UserProfiles fitTransform(Dataset train, FittedEncoder encoder, Embeddings itemVectors) {
    return fit(train, encoder, itemVectors).transform(train);
  }

  /** Whether {@link #fit} needs item vectors (so the runner embeds every item first). */
  default boolean needsItemVectors() {
    return false;
  }

  /** Texts, besides the item texts, that the encoder must see when it is fitted; none by default. */
  default List<String> encoderCorpus(Dataset train) {
    return List.of();
  }
}
