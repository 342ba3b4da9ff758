package org.interestlab.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.interestlab.UserException;

/**
 * A metric named in a config ({@code metrics: [ndcg@10, recall@10, coverage, silhouette, ari]}), parsed
 * against the {@link MetricRegistry} and checked before any work starts, and the factory for the
 * metric it names. The registry lists every name with its kind and documented range;
 * {@code docs/metrics.md} gives every definition.
 *
 * <p><b>K convention.</b> K is an integer in 1..{@value #MAX_K}. Every top-K metric may also be
 * written without {@code @K} ({@code coverage}, {@code ndcg}, {@code mrr}, …): it then uses the
 * run's cutoff K, supplied by the caller as {@code runK}. There is no uncut variant: {@code mrr}
 * is MRR@runK, not the reciprocal rank over the full list, so that every ranking number of a run is
 * measured over the same top K. Names are matched ignoring case and surrounding blanks and are
 * kept in lower case.
 *
 * <p>An unknown name or a bad K throws {@link UserException} with a message such as {@code unknown
 * metric 'ndgc@10' (did you mean 'ndcg@10'?) — allowed: precision@K, …}; the caller prefixes the
 * file and key path.
 *
 * <pre>{@code
 * MetricSpec spec = MetricSpec.parse("ndcg@10");
 * EvaluationContext ctx = EvaluationContext.of(numItems, runK, popularity, numUsers).withItemVectors(itemVectors);
 * if (spec.isPerUser()) {
 *   MeanAggregate mean = spec.newPerUserMean(runK, ctx);
 *   double userValue = mean.addUser(ranked, relevant, relevant.cardinality());   // one user's value
 * } else if (spec.kind().usesK()) {
 *   SystemMetric m = spec.newSystemMetric(runK, ctx);
 * } else if (spec.kind().needsGroundTruth()) {
 *   spec.externalClusteringMetric().score(truth, labels);
 * } else {
 *   spec.clusteringMetric().score(embeddings, labels);
 * }
 * }</pre>
 */
public final class MetricSpec {
  /** Largest K accepted in a name. */
  public static final int MAX_K = 10_000;

  /** What a metric needs and measures. */
  public enum Kind {
    /** Accuracy of top-K lists against the test items (precision, NDCG, F1, …). */
    RANKING,
    /** A property of top-K lists other than accuracy (catalogue coverage). */
    BEYOND_ACCURACY,
    /** Cluster quality from the vectors and labels alone. */
    CLUSTERING,
    /** Cluster agreement with ground-truth classes. */
    EXTERNAL_CLUSTERING;

    /** True for metrics that need ground-truth classes (only a dataset with known interests has them). */
    public boolean needsGroundTruth() {
      return this == EXTERNAL_CLUSTERING;
    }

    /** True for metrics measured on top-K lists. */
    public boolean usesK() {
      return this == RANKING || this == BEYOND_ACCURACY;
    }

    /** True for metrics of a clustering (the config needs a clusterer). */
    public boolean needsClusters() {
      return this == CLUSTERING || this == EXTERNAL_CLUSTERING;
    }
  }

  private final String name;
  private final MetricDefinition definition;
  private final OptionalInt k;

  MetricSpec(String name, MetricDefinition definition, OptionalInt k) {
    this.name = name;
    this.definition = definition;
    this.k = k;
  }

  /**
   * Parses a metric name as written in a config, against {@link MetricRegistry#standard()}.
   *
   * @throws UserException for an unknown name, a bad K, or a K on a metric that takes none
   */
  public static MetricSpec parse(String name) {
    return MetricRegistry.standard().parse(name);
  }

  /** Parses every name, in order; the first bad one throws. */
  public static List<MetricSpec> parseAll(List<String> names) {
    List<MetricSpec> out = new ArrayList<>(names.size());
    for (String n : names) out.add(parse(n));
    return Collections.unmodifiableList(out);
  }

  /** The accepted names, K written as {@code @K}, in documentation order. */
  public static List<String> allowedNames() {
    return MetricRegistry.standard().allowedNames();
  }

  /** The name as parsed, lower case, e.g. {@code ndcg@10} or {@code coverage}. */
  public String name() {
    return name;
  }

  /** The registered name without K, e.g. {@code ndcg}. */
  public String family() {
    return definition.name();
  }

  public Kind kind() {
    return definition.kind();
  }

  /** The registration this name resolved to (kind, range, needs). */
  public MetricDefinition definition() {
    return definition;
  }

  /** Where every finite value of this metric lies. */
  public MetricRange range() {
    return definition.range();
  }

  /** True for a per-user metric: {@link #newPerUserMean} gives each user's value (for {@code per_user.csv}). */
  public boolean isPerUser() {
    return definition.isPerUser();
  }

  /** True when the metric reads item vectors: a run without them must reject it before any work starts. */
  public boolean needsItemVectors() {
    return definition.needsItemVectors();
  }

  /** The K written in the name; empty when none was written (or the metric takes none). */
  public OptionalInt k() {
    return k;
  }

  /** The K this metric uses in a run whose cutoff is {@code runK}: its own K if written, else runK. */
  public int k(int runK) {
    requireK();
    if (k.isPresent()) return k.getAsInt();
    if (runK < 1 || runK > MAX_K) throw new IllegalArgumentException("run K must be in 1.." + MAX_K + ", got " + runK);
    return runK;
  }

  /** The name with K filled in, e.g. {@code coverage@10} for {@code coverage} in a run with K = 10. */
  public String resolvedName(int runK) {
    return kind().usesK() ? family() + "@" + k(runK) : name;
  }

  /** The per-user metric of a per-user spec, e.g. {@link Ndcg} for {@code ndcg@10}. */
  public RankingMetric rankingMetric(int runK, EvaluationContext ctx) {
    if (!isPerUser()) throw new IllegalStateException(name + " is not a per-user metric");
    return definition.newPerUser(k(runK), check(runK, ctx));
  }

  /**
   * An empty mean over users of a per-user spec; {@link MeanAggregate#addUser} returns each user's
   * value, {@link MeanAggregate#evaluate} the system value (exact mean).
   */
  public MeanAggregate newPerUserMean(int runK, EvaluationContext ctx) {
    return MeanAggregate.of(rankingMetric(runK, ctx));
  }

  /**
   * A fresh system-level accumulator of a top-K spec: the mean over users for a per-user metric
   * (a {@link MeanAggregate}, as {@link #newPerUserMean} gives), the metric's own accumulator
   * otherwise.
   *
   * @param runK the run's cutoff, used when the name has no {@code @K}; must equal {@code ctx.runK()}
   * @throws IllegalStateException for a clustering spec, or a spec that needs item vectors when
   *     {@code ctx} has none (the config check should have rejected it)
   */
  public SystemMetric newSystemMetric(int runK, EvaluationContext ctx) {
    if (!kind().usesK()) throw new IllegalStateException(name + " is " + kind() + ", not a top-K metric");
    return definition.newSystem(k(runK), check(runK, ctx));
  }

  /** The metric of a CLUSTERING spec (silhouette over all points; see {@link Silhouette#withSample}). */
  public ClusteringMetric clusteringMetric() {
    if (kind() != Kind.CLUSTERING) throw new IllegalStateException(name + " is " + kind() + ", not an internal clustering metric");
    return definition.newClustering();
  }

  /** The metric of an EXTERNAL_CLUSTERING spec. */
  public ExternalClusteringMetric externalClusteringMetric() {
    if (kind() != Kind.EXTERNAL_CLUSTERING) throw new IllegalStateException(name + " is " + kind() + ", not an external clustering metric");
    return definition.external();
  }

  private EvaluationContext check(int runK, EvaluationContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    if (runK != ctx.runK()) throw new IllegalArgumentException(name + ": run K " + runK + " differs from the context's K " + ctx.runK());
    if (needsItemVectors() && !ctx.hasItemVectors()) {
      throw new IllegalStateException(name + " needs item vectors and this evaluation has none (the config check should reject it)");
    }
    return ctx;
  }

  private void requireK() {
    if (!kind().usesK()) throw new IllegalStateException(name + " is " + kind() + " and has no K");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricSpec s && s.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
