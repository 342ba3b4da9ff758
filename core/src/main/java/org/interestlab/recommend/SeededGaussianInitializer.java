package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Fills a parameter with Gaussian numbers drawn in Java from its own seeded generator, so a model's
 * starting point depends only on the seed — not on the engine's global random state, which other
 * threads (another model fitted at the same time) would advance. {@code std = 0} gives zeros (biases).
 *
 * @param seed seeds this parameter's numbers
 * @param std standard deviation of every entry
 */
record SeededGaussianInitializer(long seed, double std) implements Initializer {

  /** Glorot-style scale for a {@code fanIn × fanOut} weight: {@code sqrt(2 / (fanIn + fanOut))}. */
  static SeededGaussianInitializer glorot(long seed, long fanIn, long fanOut) {
    return new SeededGaussianInitializer(seed, Math.sqrt(2.0 / (fanIn + fanOut)));
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    float[] values = new float[Math.toIntExact(shape.size())];
    if (std > 0) {
      SplittableRandom rng = new SplittableRandom(seed);
      for (int k = 0; k < values.length; k++) values[k] = (float) (std * rng.nextGaussian());
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}
