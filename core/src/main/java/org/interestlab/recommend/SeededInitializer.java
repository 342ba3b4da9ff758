package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Parameter initialisers drawing from a Java generator owned by one fit (the engine's initialisers
 * use PyTorch's process-wide generator), so the same seed gives the same starting weights. Parameters
 * are initialised in the block's declaration order, one after another, so the draws are reproducible.
 */
final class SeededInitializer {
  private final SplittableRandom rng;

  SeededInitializer(SplittableRandom rng) {
    this.rng = rng;
  }

  /** Glorot (Xavier) uniform for a {@code [fan_in, fan_out]} matrix: U(±√(6 / (fan_in + fan_out))). */
  Initializer xavier() {
    return (NDManager m, Shape shape, DataType type) -> {
      double bound = Math.sqrt(6.0 / (shape.get(0) + shape.get(shape.dimension() - 1)));
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
      return m.create(v, shape);
    };
  }

  /** Gaussian with mean 0 and standard deviation {@code std}. */
  Initializer normal(double std) {
    return (NDManager m, Shape shape, DataType type) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) v[i] = (float) (std * rng.nextGaussian());
      return m.create(v, shape);
    };
  }

  static Initializer constant(float value) {
    return (NDManager m, Shape shape, DataType type) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      Arrays.fill(v, value);
      NDArray a = m.create(v, shape);
      return a;
    };
  }
}
