package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Inverted dropout whose masks come from a Java generator seeded for one fit. The engine's own dropout
 * draws from PyTorch's process-wide generator, which any other engine user may advance in between; a
 * generator owned by the fit makes training reproducible for its seed whatever else runs. Each kept
 * entry is scaled by {@code 1 / (1 − rate)} so the expected activation is unchanged; at inference the
 * input passes through. Cost: one Java draw per element.
 */
final class SeededDropout {
  private final double rate;
  private final SplittableRandom rng;

  SeededDropout(double rate, SplittableRandom rng) {
    this.rate = rate;
    this.rng = rng;
  }

  NDArray apply(NDArray x, boolean training) {
    if (!training || rate == 0) return x;
    float[] mask = new float[Math.toIntExact(x.size())];
    float keep = (float) (1 / (1 - rate));
    for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < rate ? 0f : keep;
    return x.mul(x.getManager().create(mask, x.getShape()));
  }
}
