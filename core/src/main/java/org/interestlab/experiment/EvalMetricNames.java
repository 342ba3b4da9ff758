package org.interestlab.experiment;

/** Placeholder bridge; replaced by the eval package's MetricSpec. */
enum EvalMetricNames implements MetricNames {
  INSTANCE;

  @Override
  public Parsed parse(String name) {
    int at = name.indexOf('@');
    if (at > 0) return new Parsed(Integer.parseInt(name.substring(at + 1)), false);
    return new Parsed(0, true);
  }

  @Override
  public String allowedText() {
    return "ndcg@K, recall@K, …";
  }
}
