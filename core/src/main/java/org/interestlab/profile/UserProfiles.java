package org.interestlab.profile;

import java.util.Arrays;
import org.interestlab.encode.Embeddings;

/**
 * One vector per user of a dataset (dense user index = row). Users with nothing to build a profile
 * from (no training history) have a zero row and {@code present[u] == false}; they are left out of
 * clustering and evaluation.
 */
public record UserProfiles(Embeddings vectors, boolean[] present) {
  public UserProfiles {
    if (present.length != vectors.rows()) throw new IllegalArgumentException("present has " + present.length + " entries for " + vectors.rows() + " users");
    present = present.clone();
  }

  public boolean isPresent(int user) {
    return present[user];
  }

  /** Dense indices of users who have a profile, ascending. */
  public int[] presentUsers() {
    int[] out = new int[present.length];
    int n = 0;
    for (int u = 0; u < present.length; u++) if (present[u]) out[n++] = u;
    return Arrays.copyOf(out, n);
  }
}
