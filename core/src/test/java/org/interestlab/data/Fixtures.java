package org.interestlab.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the format-exact fixture folders under {@code src/test/resources/datasets/}. */
final class Fixtures {
  private Fixtures() {}

  static Path folder(String dataset) {
    URL url = Fixtures.class.getResource("/datasets/" + dataset);
    if (url == null) throw new IllegalStateException("no fixture folder for " + dataset);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
