package org.interestlab.profile;

import org.interestlab.data.Dataset;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;

/**
 * What vector stands for a user, built from the training part of a dataset only. Implementations
 * are immutable parameter records.
 */
public interface UserProfiler {
  /**
   * @param train the training interactions (and tags) — never the test part
   * @param encoder a fitted encoder, for profilers that embed user texts
   * @param itemVectors one row per item of {@code train}, for profilers that average item vectors
   */
  UserProfiles profile(Dataset train, FittedEncoder encoder, Embeddings itemVectors);

  /** Whether {@link #profile} reads item vectors (so the runner embeds every item first). */
  default boolean needsItemVectors() {
    return false;
  }
}
