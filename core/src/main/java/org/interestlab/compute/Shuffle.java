package org.interestlab.compute;

import java.util.random.RandomGenerator;

/**
 * Fisher–Yates in place, from the last position down: position i swaps with {@code rng.nextInt(i + 1)}.
 * One definition, so every seeded shuffle of an int array draws the same numbers in the same order
 * whatever generator ({@link java.util.Random}, {@link java.util.SplittableRandom}) the caller seeds.
 */
public final class Shuffle {
  private Shuffle() {}

  public static void inPlace(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
