package org.interestlab.profile;

import java.util.Arrays;
import org.interestlab.compute.Embeddings;

/**
 * One vector per user of a dataset (dense user index = row). Users with nothing to build a profile
 * from (no training history) have a zero row and {@code present[u] == false}; they are left out of
 * clustering and evaluation.
 *
 * <p>Multi-interest profiles also carry several interest vectors per user: user {@code u}'s are
 * rows {@code interestOffsets[u]} to {@code interestOffsets[u+1] − 1} of {@code interestVectors}
 * (both {@code null} for single-vector profiles).
 */
public record UserProfiles(Embeddings vectors, boolean[] present, Embeddings interestVectors, int[] interestOffsets) {
  public UserProfiles {
    if (present.length != vectors.rows()) throw new IllegalArgumentException("present has " + present.length + " entries for " + vectors.rows() + " users");
    present = present.clone();
    if ((interestVectors == null) != (interestOffsets == null)) throw new IllegalArgumentException("interest vectors and offsets go together");
    if (interestOffsets != null) {
      if (interestOffsets.length != vectors.rows() + 1 || interestOffsets[vectors.rows()] != interestVectors.rows()) {
        throw new IllegalArgumentException("interest offsets do not match " + vectors.rows() + " users and " + interestVectors.rows() + " interests");
      }
      interestOffsets = interestOffsets.clone();
    }
  }

  /** Single-vector profiles. */
  public UserProfiles(Embeddings vectors, boolean[] present) {
    this(vectors, present, null, null);
  }

  public boolean isPresent(int user) {
    return present[user];
  }

  public boolean hasInterests() {
    return interestVectors != null;
  }

  /** Rows of {@link #interestVectors()} holding user {@code u}'s interests: {@code [from, to)}. */
  public int interestsFrom(int user) {
    return interestOffsets[user];
  }

  public int interestsTo(int user) {
    return interestOffsets[user + 1];
  }

  /** Dense indices of users who have a profile, ascending. */
  public int[] presentUsers() {
    int[] out = new int[present.length];
    int n = 0;
    for (int u = 0; u < present.length; u++) if (present[u]) out[n++] = u;
    return Arrays.copyOf(out, n);
  }
}
