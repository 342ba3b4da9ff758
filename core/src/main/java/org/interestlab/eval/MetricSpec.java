package org.interestlab.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleBiFunction;
import org.interestlab.UserException;

/**
 * A metric named in a config ({@code metrics: [ndcg@10, recall@10, coverage, silhouette, ari]}),
 * parsed and checked before any work starts, and the factory for the metric it names.
 *
 * <h2>Names</h2>
 *
 * <table>
 *   <caption>Metric names</caption>
 *   <tr><th>name</th><th>kind</th><th>built metric</th></tr>
 *   <tr><td>{@code precision@K}</td><td>RANKING</td><td>{@link Precision}</td></tr>
 *   <tr><td>{@code recall@K}</td><td>RANKING</td><td>{@link Recall}</td></tr>
 *   <tr><td>{@code ndcg@K}</td><td>RANKING</td><td>{@link Ndcg}</td></tr>
 *   <tr><td>{@code map@K}</td><td>RANKING</td><td>{@link AveragePrecision} (mean = MAP)</td></tr>
 *   <tr><td>{@code mrr@K}</td><td>RANKING</td><td>{@link ReciprocalRank} (mean = MRR)</td></tr>
 *   <tr><td>{@code hitrate@K}</td><td>RANKING</td><td>{@link HitRate}</td></tr>
 *   <tr><td>{@code coverage@K}</td><td>BEYOND_ACCURACY</td><td>{@link CatalogCoverage}</td></tr>
 *   <tr><td>{@code silhouette}, {@code silhouette-cosine}</td><td>CLUSTERING</td><td>{@link Silhouette}</td></tr>
 *   <tr><td>{@code davies-bouldin}</td><td>CLUSTERING</td><td>{@link DaviesBouldin}</td></tr>
 *   <tr><td>{@code calinski-harabasz}</td><td>CLUSTERING</td><td>{@link CalinskiHarabasz}</td></tr>
 *   <tr><td>{@code ari, nmi, ami, v-measure, homogeneity, completeness, purity}</td>
 *       <td>EXTERNAL_CLUSTERING</td><td>{@link ExternalClusterMetrics}</td></tr>
 * </table>
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
 * switch (spec.kind()) {
 *   case RANKING, BEYOND_ACCURACY -> { SystemMetric m = spec.newSystemMetric(runK, numItems); ... }
 *   case CLUSTERING -> spec.clusteringMetric().score(embeddings, labels);
 *   case EXTERNAL_CLUSTERING -> spec.externalClusteringMetric().score(truth, labels);
 * }
 * }</pre>
 */
public final class MetricSpec {
  /** Largest K accepted in a name. */
  public static final int MAX_K = 10_000;

  /** What a metric needs and measures. */
  public enum Kind {
    /** Per-user accuracy of a top-K list, averaged over users ({@link MeanAggregate}). */
    RANKING,
    /** A property of all users' top-K lists together (catalogue coverage). */
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
  }

  /** One metric family: how it is named and built. */
  private record Family(
      String name,
      Kind kind,
      IntFunction<RankingMetric> ranking,
      Supplier<ClusteringMetric> clustering,
      ExternalClusteringMetric external) {}

  private record External(String name, ToDoubleBiFunction<int[], int[]> f) implements ExternalClusteringMetric {
    @Override
    public double score(int[] truth, int[] predicted) {
      return f.applyAsDouble(truth, predicted);
    }
  }

  private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

  static {
    ranking("precision", Precision::new);
    ranking("recall", Recall::new);
    ranking("ndcg", Ndcg::new);
    ranking("map", AveragePrecision::new);
    ranking("mrr", ReciprocalRank::new);
    ranking("hitrate", HitRate::new);
    add(new Family("coverage", Kind.BEYOND_ACCURACY, null, null, null));
    clustering("silhouette", Silhouette::euclidean);
    clustering("silhouette-cosine", Silhouette::cosine);
    clustering("davies-bouldin", DaviesBouldin::new);
    clustering("calinski-harabasz", CalinskiHarabasz::new);
    external("ari", ExternalClusterMetrics::adjustedRand);
    external("nmi", ExternalClusterMetrics::normalizedMutualInfo);
    external("ami", ExternalClusterMetrics::adjustedMutualInfo);
    external("v-measure", ExternalClusterMetrics::vMeasure);
    external("homogeneity", ExternalClusterMetrics::homogeneity);
    external("completeness", ExternalClusterMetrics::completeness);
    external("purity", ExternalClusterMetrics::purity);
  }

  private static void add(Family f) {
    FAMILIES.put(f.name(), f);
  }

  private static void ranking(String name, IntFunction<RankingMetric> factory) {
    add(new Family(name, Kind.RANKING, factory, null, null));
  }

  private static void clustering(String name, Supplier<ClusteringMetric> factory) {
    add(new Family(name, Kind.CLUSTERING, null, factory, null));
  }

  private static void external(String name, ToDoubleBiFunction<int[], int[]> f) {
    add(new Family(name, Kind.EXTERNAL_CLUSTERING, null, null, new External(name, f)));
  }

  private final String name;
  private final Family family;
  private final OptionalInt k;

  private MetricSpec(String name, Family family, OptionalInt k) {
    this.name = name;
    this.family = family;
    this.k = k;
  }

  /**
   * Parses a metric name as written in a config.
   *
   * @throws UserException for an unknown name, a bad K, or a K on a metric that takes none
   */
  public static MetricSpec parse(String name) {
    if (name == null || name.isBlank()) throw new UserException("metric name is empty — allowed: " + allowedSummary());
    String norm = name.strip().toLowerCase(Locale.ROOT);
    int at = norm.indexOf('@');
    String base = at < 0 ? norm : norm.substring(0, at);
    Family f = FAMILIES.get(base);
    if (f == null) {
      String hint = suggestion(base);
      throw new UserException("unknown metric '" + name.strip() + "'"
          + (hint == null ? "" : " (did you mean '" + hint + (at < 0 ? "" : norm.substring(at)) + "'?)")
          + " — allowed: " + allowedSummary());
    }
    if (at < 0) return new MetricSpec(norm, f, OptionalInt.empty());
    String kText = norm.substring(at + 1);
    if (!f.kind().usesK()) {
      throw new UserException("metric '" + name.strip() + "': " + base + " takes no @K — write '" + base + "'");
    }
    int k = parseK(kText);
    if (k < 1) {
      throw new UserException("metric '" + name.strip() + "': K must be an integer in 1.." + MAX_K + ", got '" + kText + "'");
    }
    return new MetricSpec(base + "@" + k, f, OptionalInt.of(k));
  }

  /** Parses every name, in order; the first bad one throws. */
  public static List<MetricSpec> parseAll(List<String> names) {
    List<MetricSpec> out = new ArrayList<>(names.size());
    for (String n : names) out.add(parse(n));
    return Collections.unmodifiableList(out);
  }

  /** The accepted names, K written as {@code @K}, in documentation order. */
  public static List<String> allowedNames() {
    List<String> out = new ArrayList<>();
    for (Family f : FAMILIES.values()) out.add(f.kind().usesK() ? f.name() + "@K" : f.name());
    return Collections.unmodifiableList(out);
  }

  /** The name as parsed, lower case, e.g. {@code ndcg@10} or {@code coverage}. */
  public String name() {
    return name;
  }

  /** The family without K, e.g. {@code ndcg}. */
  public String family() {
    return family.name();
  }

  public Kind kind() {
    return family.kind();
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
    return kind().usesK() ? family.name() + "@" + k(runK) : name;
  }

  /** The per-user metric of a RANKING spec. */
  public RankingMetric rankingMetric(int runK) {
    if (kind() != Kind.RANKING) throw new IllegalStateException(name + " is " + kind() + ", not a per-user ranking metric");
    return family.ranking().apply(k(runK));
  }

  /**
   * A fresh system-level accumulator of a RANKING spec (the mean over users) or BEYOND_ACCURACY
   * spec (coverage over a catalogue of {@code numItems} items).
   */
  public SystemMetric newSystemMetric(int runK, int numItems) {
    return switch (kind()) {
      case RANKING -> MeanAggregate.of(rankingMetric(runK));
      case BEYOND_ACCURACY -> CatalogCoverage.of(k(runK), numItems);
      default -> throw new IllegalStateException(name + " is " + kind() + ", not a top-K metric");
    };
  }

  /** The metric of a CLUSTERING spec (silhouette over all points; see {@link Silhouette#withSample}). */
  public ClusteringMetric clusteringMetric() {
    if (kind() != Kind.CLUSTERING) throw new IllegalStateException(name + " is " + kind() + ", not an internal clustering metric");
    return family.clustering().get();
  }

  /** The metric of an EXTERNAL_CLUSTERING spec. */
  public ExternalClusteringMetric externalClusteringMetric() {
    if (kind() != Kind.EXTERNAL_CLUSTERING) throw new IllegalStateException(name + " is " + kind() + ", not an external clustering metric");
    return family.external();
  }

  private void requireK() {
    if (!kind().usesK()) throw new IllegalStateException(name + " is " + kind() + " and has no K");
  }

  /** K as written: digits only (no sign, no blanks), at most MAX_K; anything else is −1. */
  private static int parseK(String text) {
    if (text.isEmpty() || text.length() > 5) return -1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
    int k = Integer.parseInt(text);
    return k <= MAX_K ? k : -1;
  }

  private static String allowedSummary() {
    return String.join(", ", allowedNames()) + " (K in 1.." + MAX_K + "; a top-K metric without @K uses the run's K)";
  }

  /** The closest family name within edit distance 2, or null. */
  private static String suggestion(String base) {
    String best = null;
    int bestDist = 3;
    for (String f : FAMILIES.keySet()) {
      int d = editDistance(base, f);
      if (d < bestDist) {
        bestDist = d;
        best = f;
      }
    }
    return best;
  }

  /** Optimal string alignment distance: a swapped pair of letters ("ndgc") counts as one edit. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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
