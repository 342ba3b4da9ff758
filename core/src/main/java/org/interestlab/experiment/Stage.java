package org.interestlab.experiment;

/** The pipeline stages a config configures, with the YAML key and the key naming the component. */
public enum Stage {
  DATASET("dataset", "source"),
  SPLIT("split", "kind"),
  PROFILE("profile", "kind"),
  ENCODER("encoder", "kind"),
  CLUSTERER("clusterer", "kind"),
  RECOMMENDER("recommenders", "kind");

  private final String key;
  private final String kindKey;

  Stage(String key, String kindKey) {
    this.key = key;
    this.kindKey = kindKey;
  }

  /** The top-level YAML key. */
  public String key() {
    return key;
  }

  /** The key inside the section that names the component ({@code kind}, or {@code source} for datasets). */
  public String kindKey() {
    return kindKey;
  }
}
