package org.interestlab.eval;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleBiFunction;

/**
 * One registered metric: its name as written in configs (without {@code @K}), its kind, its
 * documented range, what it needs from the run, and the factory that builds it. Made by the static
 * factories below, one per way of computing a metric; {@link MetricRegistry#standard()} lists them,
 * one line per metric.
 *
 * <ul>
 *   <li>{@link #perUser}: one number per user from that user's top K, averaged over users exactly
 *       ({@link MeanAggregate}); each user's value also goes to {@code per_user.csv}.
 *   <li>{@link #system}: one number from all users' top-K lists together ({@link SystemMetric}).
 *   <li>{@link #clustering}: cluster quality from vectors and labels.
 *   <li>{@link #external}: cluster agreement with ground-truth classes.
 * </ul>
 *
 * <p>Top-K factories receive the K and the run's {@link EvaluationContext}. A metric that reads the
 * item vectors says so with {@link #needingItemVectors()}; the runner then embeds every item
 * before evaluating ({@link MetricSpec#needsItemVectors()}).
 *
 * <pre>{@code
 * MetricDefinition.perUser("f1", Kind.RANKING, MetricRange.UNIT, (k, ctx) -> new F1(k))
 * MetricDefinition.system("coverage", Kind.BEYOND_ACCURACY, MetricRange.UNIT, (k, ctx) -> CatalogCoverage.of(k, ctx.numItems()))
 * }</pre>
 */
public final class MetricDefinition {
  /** Builds the per-user metric at cutoff {@code k} for a run described by {@code ctx}. */
  @FunctionalInterface
  public interface PerUserFactory {
    RankingMetric create(int k, EvaluationContext ctx);
  }

  /** Builds an empty system-level accumulator at cutoff {@code k} for a run described by {@code ctx}. */
  @FunctionalInterface
  public interface SystemFactory {
    SystemMetric create(int k, EvaluationContext ctx);
  }

  private final String name;
  private final MetricSpec.Kind kind;
  private final MetricRange range;
  private final boolean needsItemVectors;
  private final PerUserFactory perUser;
  private final SystemFactory system;
  private final Supplier<ClusteringMetric> clustering;
  private final ExternalClusteringMetric external;

  private MetricDefinition(String name, MetricSpec.Kind kind, MetricRange range, boolean needsItemVectors,
      PerUserFactory perUser, SystemFactory system, Supplier<ClusteringMetric> clustering, ExternalClusteringMetric external) {
    if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("metric name must be lower-case words joined by '-', got '" + name + "'");
    }
    this.name = name;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.range = Objects.requireNonNull(range, "range");
    this.needsItemVectors = needsItemVectors;
    this.perUser = perUser;
    this.system = system;
    this.clustering = clustering;
    this.external = external;
  }

  /** A per-user top-K metric of kind RANKING or BEYOND_ACCURACY; the system value is the mean over users. */
  public static MetricDefinition perUser(String name, MetricSpec.Kind kind, MetricRange range, PerUserFactory factory) {
    requireTopK(name, kind);
    return new MetricDefinition(name, kind, range, false, Objects.requireNonNull(factory, "factory"), null, null, null);
  }

  /** A system-level top-K metric of kind RANKING or BEYOND_ACCURACY. */
  public static MetricDefinition system(String name, MetricSpec.Kind kind, MetricRange range, SystemFactory factory) {
    requireTopK(name, kind);
    return new MetricDefinition(name, kind, range, false, null, Objects.requireNonNull(factory, "factory"), null, null);
  }

  /** An internal clustering metric (kind CLUSTERING). */
  public static MetricDefinition clustering(String name, MetricRange range, Supplier<ClusteringMetric> factory) {
    return new MetricDefinition(name, MetricSpec.Kind.CLUSTERING, range, false, null, null, Objects.requireNonNull(factory, "factory"), null);
  }

  /** An external clustering metric (kind EXTERNAL_CLUSTERING) computed by {@code score(truth, predicted)}. */
  public static MetricDefinition external(String name, MetricRange range, ToDoubleBiFunction<int[], int[]> score) {
    Objects.requireNonNull(score, "score");
    return new MetricDefinition(name, MetricSpec.Kind.EXTERNAL_CLUSTERING, range, false, null, null, null, new External(name, score));
  }

  /** The same metric, declared to read {@link EvaluationContext#itemVectors()}. */
  public MetricDefinition needingItemVectors() {
    if (!kind.usesK()) throw new IllegalStateException(name + ": only top-K metrics receive item vectors");
    return new MetricDefinition(name, kind, range, true, perUser, system, clustering, external);
  }

  /** The name without {@code @K}, e.g. {@code ndcg}. */
  public String name() {
    return name;
  }

  public MetricSpec.Kind kind() {
    return kind;
  }

  /** Where every finite value of the metric lies. */
  public MetricRange range() {
    return range;
  }

  /** True when the metric reads the run's item vectors. */
  public boolean needsItemVectors() {
    return needsItemVectors;
  }

  /** True for a per-user metric: the accumulator gives each user's value, the system value is their mean. */
  public boolean isPerUser() {
    return perUser != null;
  }

  /** The name as listed in messages: {@code ndcg@K} for a top-K metric, else the name. */
  public String allowedName() {
    return kind.usesK() ? name + "@K" : name;
  }

  RankingMetric newPerUser(int k, EvaluationContext ctx) {
    return perUser.create(k, ctx);
  }

  SystemMetric newSystem(int k, EvaluationContext ctx) {
    return isPerUser() ? MeanAggregate.of(newPerUser(k, ctx)) : system.create(k, ctx);
  }

  ClusteringMetric newClustering() {
    return clustering.get();
  }

  ExternalClusteringMetric external() {
    return external;
  }

  private static void requireTopK(String name, MetricSpec.Kind kind) {
    if (kind == null || !kind.usesK()) throw new IllegalArgumentException(name + ": a top-K metric has kind RANKING or BEYOND_ACCURACY, got " + kind);
  }

  private record External(String name, ToDoubleBiFunction<int[], int[]> f) implements ExternalClusteringMetric {
    @Override
    public double score(int[] truth, int[] predicted) {
      return f.applyAsDouble(truth, predicted);
    }
  }

  @Override
  public String toString() {
    return allowedName() + " (" + kind + ", " + range + (needsItemVectors ? ", needs item vectors" : "") + ")";
  }
}
