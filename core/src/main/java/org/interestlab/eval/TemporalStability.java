package org.interestlab.eval;

import java.util.Arrays;

/**
 * Temporal stability of a clustering over time: the adjusted Rand index (Hubert &amp; Arabie 1985)
 * between the labels of two windows, over the users present in both. 1 means the shared users are
 * grouped alike (whatever the cluster ids); about 0 means no more alike than by chance. Cluster
 * ids need not correspond across the windows.
 *
 * <pre>{@code
 * double s = TemporalStability.ari(usersJanuary, labelsJanuary, usersFebruary, labelsFebruary);
 * }</pre>
 */
public final class TemporalStability {
  private TemporalStability() {}

  /**
   * ARI on shared users; {@code NaN} when fewer than two users are shared.
   *
   * @param usersA window A's users (ascending, distinct), with their {@code labelsA}
   * @param usersB window B's users (ascending, distinct), with their {@code labelsB}
   */
  public static double ari(int[] usersA, int[] labelsA, int[] usersB, int[] labelsB) {
    if (usersA.length != labelsA.length || usersB.length != labelsB.length) {
      throw new IllegalArgumentException("users and labels differ in length");
    }
    checkAscending(usersA);
    checkAscending(usersB);
    int[] a = new int[Math.min(usersA.length, usersB.length)];
    int[] b = new int[a.length];
    int n = 0;
    for (int i = 0, j = 0; i < usersA.length && j < usersB.length; ) {
      if (usersA[i] < usersB[j]) i++;
      else if (usersB[j] < usersA[i]) j++;
      else {
        a[n] = labelsA[i++];
        b[n++] = labelsB[j++];
      }
    }
    return n < 2 ? Double.NaN : ExternalClusterMetrics.adjustedRand(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
  }

  private static void checkAscending(int[] users) {
    for (int i = 1; i < users.length; i++) {
      if (users[i] <= users[i - 1]) throw new IllegalArgumentException("users must be ascending and distinct at position " + i);
    }
  }
}
