package org.interestlab.cli;

import org.interestlab.compute.Engines;

/**
 * The PyTorch engine started on a background thread (loading its native libraries takes about half
 * a second), so a command can read its input meanwhile; {@link #await} waits for it and rethrows
 * what the start threw. A daemon thread: a command that ends early (a user error) does not wait.
 *
 * <pre>{@code
 * EngineStart engine = EngineStart.begin();
 * Embeddings x = readVectors(file);
 * engine.await();
 * }</pre>
 */
final class EngineStart {
  private final Thread thread;
  private volatile Throwable failure;

  private EngineStart() {
    thread = new Thread(() -> {
      try {
        Engines.pytorch();
      } catch (Throwable t) {
        failure = t;
      }
    }, "engine-start");
    thread.setDaemon(true);
  }

  static EngineStart begin() {
    EngineStart s = new EngineStart();
    s.thread.start();
    return s;
  }

  /** Waits until the engine is up; its failure is rethrown here, on the caller's thread. */
  void await() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the engine started", e);
    }
    if (failure instanceof RuntimeException r) throw r;
    if (failure instanceof Error e) throw e;
    if (failure != null) throw new IllegalStateException("the engine did not start", failure);
  }
}
