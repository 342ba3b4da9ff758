package org.interestlab.data.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014), written out here rather than borrowed from {@link java.util.SplittableRandom} so that the
 * shipped files depend on nothing but this code: the JDK is free to change how its generators turn
 * bits into bounded ints or doubles, and a byte-for-byte reproducible dataset cannot follow it.
 *
 * <p>Independent streams are derived from the seed and a name ({@link #stream(long, String)}), so
 * adding draws to one part of the generator (say, item texts) never shifts another (the users).
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  private SeededRandom(long state) {
    this.state = state;
  }

  /** A stream determined by {@code seed} and {@code name} alone. */
  static SeededRandom stream(long seed, String name) {
    long h = mix64(seed ^ 0x5DEECE66DL);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix64(h + GOLDEN_GAMMA + (b & 0xFF));
    }
    return new SeededRandom(h);
  }

  /** A raw SplitMix64 generator at {@code state}: the same sequence as {@code new SplittableRandom(state)}'s nextLong. */
  static SeededRandom ofState(long state) {
    return new SeededRandom(state);
  }

  /** Stafford's variant 13 finaliser, the output function of SplitMix64. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), unbiased (rejects the incomplete top block of 31-bit values). */
  int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
    while (true) {
      int bits = (int) (nextLong() >>> 33);
      int value = bits % bound;
      if (bits - value + (bound - 1) >= 0) return value;
    }
  }

  /** Uniform in [from, to). */
  long nextLong(long from, long to) {
    long span = to - from;
    if (span <= 0) throw new IllegalArgumentException("empty range: " + from + ".." + to);
    while (true) {
      long bits = nextLong() >>> 1;
      long value = bits % span;
      if (bits - value + (span - 1) >= 0) return from + value;
    }
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return nextDouble() < p;
  }

  <T> T pick(java.util.List<T> list) {
    return list.get(nextInt(list.size()));
  }
}
