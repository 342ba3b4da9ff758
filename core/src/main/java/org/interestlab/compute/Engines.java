package org.interestlab.compute;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/**
 * Starts DJL engines offline. DJL would otherwise open network connections (telemetry, native
 * library downloads); with the PyTorch CPU native jar on the classpath nothing needs downloading.
 * Settings the user made ({@code -Dai.djl.offline}, {@code DJL_CACHE_DIR}) are respected.
 */
public final class Engines {
  public static final String PYTORCH = "PyTorch";

  private Engines() {}

  /** Applies the offline defaults once, before any engine is touched. */
  public static synchronized void configureOffline() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.onnx.disable_alternative", "true");
    // DJL unpacks ~430 MB of native libraries into its cache; keep them with InterestLab's cache.
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", CacheDirs.root().resolve("djl").toString());
    }
    // DJL reads this flag to skip its usage telemetry.
    setIfAbsent("OPT_OUT_TRACKING", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  /** The PyTorch engine, started offline. */
  public static Engine pytorch() {
    configureOffline();
    return Engine.getEngine(PYTORCH);
  }

  /**
   * A new manager on the PyTorch engine for {@code device}; close it (try-with-resources). It is a
   * base manager, a direct child of the engine's system manager, so closing it frees its arrays and
   * removes it from the engine: nothing accumulates over many calls (a notebook, a sweep, JMH).
   */
  public static NDManager newManager(Device device) {
    return pytorch().newBaseManager(device.djl());
  }

  /** Where DJL unpacks native libraries. */
  public static Path djlCacheDir() {
    configureOffline();
    String p = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
    return Path.of(p);
  }
}
