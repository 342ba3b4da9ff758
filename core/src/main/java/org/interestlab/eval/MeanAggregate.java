package org.interestlab.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.BitSet;
import java.util.Objects;

/**
 * The mean of a per-user {@link RankingMetric} over users, e.g. NDCG@10 of a system = mean of the
 * users' NDCG@10 (RankSys's {@code AverageRecommendationMetric}).
 *
 * <p>The running sum is kept exactly (as a {@link BigDecimal}, which represents every finite double
 * without rounding), so the mean does not depend on the order in which users are added or partial
 * accumulators are combined: parallel and sequential evaluation give the same bits, which keeps
 * {@code metrics.json} byte-identical between runs. Cost: O(K) for the metric plus an exact
 * addition of about 60 decimal digits per user.
 *
 * <p>{@link #evaluate()} is NaN when no user was added (nothing to average); the caller decides
 * how to report that.
 *
 * <pre>{@code
 * MeanAggregate ndcg = MeanAggregate.of(RankingMetric.ndcg(10));
 * for (int u : testUsers) {
 *   double perUser = ndcg.add(rank(u), test[u], test[u].cardinality());   // also for per_user.csv
 * }
 * double systemNdcg = ndcg.evaluate();
 * }</pre>
 */
public final class MeanAggregate implements SystemMetric {
  private final RankingMetric metric;
  private BigDecimal sum = BigDecimal.ZERO;
  private long count;

  private MeanAggregate(RankingMetric metric) {
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  /** An empty mean of {@code metric}. */
  public static MeanAggregate of(RankingMetric metric) {
    return new MeanAggregate(metric);
  }

  public RankingMetric metric() {
    return metric;
  }

  @Override
  public String name() {
    return metric.name();
  }

  /** Adds one user and returns that user's value of the metric. */
  public double addUser(int[] ranked, BitSet relevant, int numRelevant) {
    double v = metric.value(ranked, relevant, numRelevant);
    addValue(v);
    return v;
  }

  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    addUser(ranked, relevant, numRelevant);
  }

  /** Adds one user's value computed elsewhere (e.g. read back from a per-user table). */
  public void addValue(double value) {
    if (!Double.isFinite(value)) throw new IllegalArgumentException(name() + ": per-user value is not finite: " + value);
    sum = sum.add(new BigDecimal(value));
    count++;
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof MeanAggregate o) || !o.metric.equals(metric)) {
      throw new IllegalArgumentException("cannot combine " + name() + " with " + (other == null ? "null" : other.name()));
    }
    sum = sum.add(o.sum);
    count += o.count;
  }

  /** Number of users added. */
  public long count() {
    return count;
  }

  @Override
  public double evaluate() {
    if (count == 0) return Double.NaN;
    // One rounding of the exact quotient (to 34 digits, then to double), independent of order.
    return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
  }

  @Override
  public MeanAggregate newEmpty() {
    return new MeanAggregate(metric);
  }

  @Override
  public String toString() {
    return "MeanAggregate[" + name() + ", users=" + count + "]";
  }
}
