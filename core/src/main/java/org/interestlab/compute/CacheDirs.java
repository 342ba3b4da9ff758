package org.interestlab.compute;

import java.nio.file.Path;

/**
 * InterestLab's cache root: {@code $INTERESTLAB_CACHE} (or system property {@code interestlab.cache}), else {@code ~/.cache/interestlab}. Datasets
 * default to {@code <root>/datasets} unless {@code $INTERESTLAB_DATA} names another folder.
 */
public final class CacheDirs {
  private CacheDirs() {}

  public static Path root() {
    String prop = System.getProperty("interestlab.cache");
    if (prop != null && !prop.isBlank()) return Path.of(prop);
    String env = System.getenv("INTERESTLAB_CACHE");
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of(System.getProperty("user.home"), ".cache", "interestlab");
  }

  /** Where datasets live: {@code $INTERESTLAB_DATA} (or system property {@code interestlab.data}), else {@code <root>/datasets}. */
  public static Path datasets() {
    String prop = System.getProperty("interestlab.data");
    if (prop != null && !prop.isBlank()) return Path.of(prop);
    String env = System.getenv("INTERESTLAB_DATA");
    if (env != null && !env.isBlank()) return Path.of(env);
    return root().resolve("datasets");
  }
}
