package org.interestlab.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds exact repeats among interactions: the same user, item and timestamp as an earlier one (a
 * row copied twice into a file). The first occurrence is the one kept.
 *
 * <p>Cost: O(n log n) time for a sort of one 64-bit hash per interaction, O(n) primitive memory;
 * only interactions whose hash occurs twice are compared exactly, so a million clean ratings need
 * no per-row objects.
 *
 * <pre>{@code
 * int[] repeats = DuplicateEvents.repeats(interactions);   // positions to drop, ascending
 * }</pre>
 */
final class DuplicateEvents {
  private DuplicateEvents() {}

  private record Key(int user, int item, long time) {}

  /** Positions (ascending) of interactions that repeat an earlier one's user, item and timestamp. */
  static int[] repeats(List<Interaction> events) {
    int n = events.size();
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) hashes[i] = hash(events.get(i));
    long[] sorted = hashes.clone();
    Arrays.sort(sorted);
    Set<Long> shared = new HashSet<>();
    for (int i = 1; i < n; i++) if (sorted[i] == sorted[i - 1]) shared.add(sorted[i]);
    if (shared.isEmpty()) return new int[0];
    Set<Key> seen = new HashSet<>();
    int[] out = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!shared.contains(hashes[i])) continue;
      Interaction x = events.get(i);
      if (!seen.add(new Key(x.user(), x.item(), x.timestamp()))) out[count++] = i;
    }
    return Arrays.copyOf(out, count);
  }

  private static long hash(Interaction x) {
    long z = x.timestamp() * 0x9E3779B97F4A7C15L + (((long) x.user() << 32) ^ (x.item() & 0xffffffffL));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
