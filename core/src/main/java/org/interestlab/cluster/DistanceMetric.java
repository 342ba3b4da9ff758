package org.interestlab.cluster;

import org.interestlab.UserException;

/**
 * The dissimilarity a clusterer groups points by, as configs name it. {@code cosine} is
 * 1 − cosine similarity: for k-means that is spherical k-means (unit-length rows and centres);
 * zero rows have no direction and are refused.
 */
public enum DistanceMetric {
  EUCLIDEAN("euclidean"),
  COSINE("cosine");

  private final String configName;

  DistanceMetric(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The metric a config names; anything else is a {@link UserException} listing the allowed names. */
  public static DistanceMetric parse(String s) {
    for (DistanceMetric m : values()) if (m.configName.equals(s)) return m;
    throw new UserException("metric '" + s + "' — allowed: euclidean, cosine");
  }
}
