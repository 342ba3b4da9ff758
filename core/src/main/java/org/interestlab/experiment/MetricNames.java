package org.interestlab.experiment;

/** Validates metric names for the config loader (bridges to the eval package's parser). */
interface MetricNames {
  record Parsed(int k, boolean needsClusters) {}

  /** null when the name is not a metric. */
  Parsed parse(String name);

  String allowedText();

  static MetricNames standard() {
    return EvalMetricNames.INSTANCE;
  }
}
