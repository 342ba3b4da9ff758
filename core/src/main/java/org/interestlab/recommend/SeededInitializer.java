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
      return engineOwned(m, v, shape);
    };
  }

  /** Gaussian with mean 0 and standard deviation {@code std}. */
  Initializer normal(double std) {
    return (NDManager m, Shape shape, DataType type) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) v[i] = (float) (std * rng.nextGaussian());
      return engineOwned(m, v, shape);
    };
  }

  static Initializer constant(float value) {
    return (NDManager m, Shape shape, DataType type) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      Arrays.fill(v, value);
      return engineOwned(m, v, shape);
    };
  }

  /**
   * A copy of {@code values} in memory the engine owns: {@code create} wraps a Java direct buffer
   * (PyTorch's {@code from_blob}) that lives only as long as the array object it returned, while a
   * parameter is used for the whole fit through other wrappers of the same tensor.
   */
  private static NDArray engineOwned(NDManager m, float[] values, Shape shape) {
    try (NDArray wrapped = m.create(values, shape)) {
      return wrapped.duplicate();
    }
  }
}
