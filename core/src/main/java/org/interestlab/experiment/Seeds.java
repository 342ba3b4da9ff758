package org.interestlab.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits the run seed per component by name, so adding a component never changes another's random
 * stream: {@code derive(seed, "clusterer")} is the first 8 bytes of SHA-256 of {@code "seed:name"}.
 */
public final class Seeds {
  private Seeds() {}

  public static long derive(long runSeed, String component) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((runSeed + ":" + component).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
