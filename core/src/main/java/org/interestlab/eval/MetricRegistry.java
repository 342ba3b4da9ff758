package org.interestlab.eval;

import static org.interestlab.eval.MetricDefinition.clustering;
import static org.interestlab.eval.MetricDefinition.external;
import static org.interestlab.eval.MetricDefinition.perUser;
import static org.interestlab.eval.MetricDefinition.system;
import static org.interestlab.eval.MetricSpec.Kind.BEYOND_ACCURACY;
import static org.interestlab.eval.MetricSpec.Kind.RANKING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.interestlab.UserException;

/**
 * Every metric a config can name, one registration line each (name, kind, documented range,
 * factory), in documentation order. Per-user and system-level top-K metrics live side by side;
 * {@link MetricSpec#parse} looks names up here, and every list of allowed names (in error messages,
 * in the config check) comes from here.
 *
 * <p><b>Adding a metric</b> is one class and one line below: a per-user metric implements
 * {@link RankingMetric} and registers with {@link MetricDefinition#perUser}; a metric over all
 * users implements {@link SystemMetric} (mergeable, exact) and registers with
 * {@link MetricDefinition#system}. Both factories receive K and the run's
 * {@link EvaluationContext} (catalogue size, training popularity, item vectors); append
 * {@code .needingItemVectors()} to a line whose metric reads the item vectors. The metric contract
 * tests then cover the new line without further edits.
 *
 * <pre>{@code
 * MetricSpec spec = MetricRegistry.standard().parse("recall@10");
 * String withoutTruth = String.join(", ", MetricRegistry.standard().allowedNames(m -> !m.kind().needsGroundTruth()));
 * }</pre>
 */
public final class MetricRegistry {
  private static final MetricRange ANY_SIGN_UNIT = MetricRange.of(-1, 1);
  private static final MetricRange NON_NEGATIVE = MetricRange.of(0, Double.POSITIVE_INFINITY);

  private static final MetricRegistry STANDARD = of(List.of(
      perUser("precision", RANKING, MetricRange.UNIT, (k, ctx) -> new Precision(k)),
      perUser("recall", RANKING, MetricRange.UNIT, (k, ctx) -> new Recall(k)),
      perUser("ndcg", RANKING, MetricRange.UNIT, (k, ctx) -> new Ndcg(k)),
      perUser("map", RANKING, MetricRange.UNIT, (k, ctx) -> new AveragePrecision(k)),
      perUser("mrr", RANKING, MetricRange.UNIT, (k, ctx) -> new ReciprocalRank(k)),
      perUser("hitrate", RANKING, MetricRange.UNIT, (k, ctx) -> new HitRate(k)),
      perUser("f1", RANKING, MetricRange.UNIT, (k, ctx) -> new F1(k)),
      system("coverage", BEYOND_ACCURACY, MetricRange.UNIT, (k, ctx) -> CatalogCoverage.of(k, ctx.numItems())),
      system("diversity", BEYOND_ACCURACY, MetricRange.of(0, 2), (k, ctx) -> IntraListDiversity.of(k, ctx.itemVectors())).needingItemVectors(),
      system("novelty", BEYOND_ACCURACY, NON_NEGATIVE, Novelty::of),
      system("avgpop", BEYOND_ACCURACY, NON_NEGATIVE, AveragePopularity::of),
      system("gini", BEYOND_ACCURACY, MetricRange.UNIT, (k, ctx) -> GiniIndex.of(k, ctx.numItems())),
      clustering("silhouette", ANY_SIGN_UNIT, Silhouette::euclidean),
      clustering("silhouette-cosine", ANY_SIGN_UNIT, Silhouette::cosine),
      clustering("davies-bouldin", NON_NEGATIVE, DaviesBouldin::new),
      clustering("calinski-harabasz", NON_NEGATIVE, CalinskiHarabasz::new),
      external("ari", ANY_SIGN_UNIT, ExternalClusterMetrics::adjustedRand),
      external("nmi", MetricRange.UNIT, ExternalClusterMetrics::normalizedMutualInfo),
      external("ami", MetricRange.of(Double.NEGATIVE_INFINITY, 1), ExternalClusterMetrics::adjustedMutualInfo),
      external("v-measure", MetricRange.UNIT, ExternalClusterMetrics::vMeasure),
      external("homogeneity", MetricRange.UNIT, ExternalClusterMetrics::homogeneity),
      external("completeness", MetricRange.UNIT, ExternalClusterMetrics::completeness),
      external("purity", MetricRange.UNIT, ExternalClusterMetrics::purity)));

  private final Map<String, MetricDefinition> byName;

  private MetricRegistry(Map<String, MetricDefinition> byName) {
    this.byName = byName;
  }

  /** The metrics InterestLab ships; what configs can name. */
  public static MetricRegistry standard() {
    return STANDARD;
  }

  /** A registry of exactly these metrics, in this order (names must be distinct). */
  public static MetricRegistry of(List<MetricDefinition> definitions) {
    Map<String, MetricDefinition> map = new LinkedHashMap<>();
    for (MetricDefinition d : definitions) {
      if (map.putIfAbsent(d.name(), d) != null) throw new IllegalArgumentException("metric '" + d.name() + "' is registered twice");
    }
    return new MetricRegistry(Collections.unmodifiableMap(map));
  }

  /** Every registered metric, in documentation order. */
  public List<MetricDefinition> definitions() {
    return List.copyOf(byName.values());
  }

  /** The accepted names ({@code ndcg@K}, …, {@code purity}), in documentation order. */
  public List<String> allowedNames() {
    return allowedNames(m -> true);
  }

  /**
   * The accepted names of the metrics that pass {@code filter}, e.g. those a dataset without
   * ground truth allows: {@code allowedNames(m -> !m.kind().needsGroundTruth())}.
   */
  public List<String> allowedNames(Predicate<MetricDefinition> filter) {
    List<String> out = new ArrayList<>();
    for (MetricDefinition d : byName.values()) if (filter.test(d)) out.add(d.allowedName());
    return Collections.unmodifiableList(out);
  }

  /**
   * Parses a metric name as written in a config; see {@link MetricSpec} for the K convention.
   *
   * @throws UserException for an unknown name, a bad K, or a K on a metric that takes none
   */
  public MetricSpec parse(String name) {
    if (name == null || name.isBlank()) throw new UserException("metric name is empty — allowed: " + allowedSummary());
    String norm = name.strip().toLowerCase(Locale.ROOT);
    int at = norm.indexOf('@');
    String base = at < 0 ? norm : norm.substring(0, at);
    MetricDefinition d = byName.get(base);
    if (d == null) {
      String hint = suggestion(base);
      throw new UserException("unknown metric '" + name.strip() + "'"
          + (hint == null ? "" : " (did you mean '" + hint + (at < 0 ? "" : norm.substring(at)) + "'?)")
          + " — allowed: " + allowedSummary());
    }
    if (at < 0) return new MetricSpec(norm, d, OptionalInt.empty());
    String kText = norm.substring(at + 1);
    if (!d.kind().usesK()) {
      throw new UserException("metric '" + name.strip() + "': " + base + " takes no @K — write '" + base + "'");
    }
    int k = parseK(kText);
    if (k < 1) {
      throw new UserException("metric '" + name.strip() + "': K must be an integer in 1.." + MetricSpec.MAX_K + ", got '" + kText + "'");
    }
    return new MetricSpec(base + "@" + k, d, OptionalInt.of(k));
  }

  /** K as written: digits only (no sign, no blanks), at most MAX_K; anything else is −1. */
  private static int parseK(String text) {
    if (text.isEmpty() || text.length() > 5) return -1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
    int k = Integer.parseInt(text);
    return k <= MetricSpec.MAX_K ? k : -1;
  }

  private String allowedSummary() {
    return String.join(", ", allowedNames()) + " (K in 1.." + MetricSpec.MAX_K + "; a top-K metric without @K uses the run's K)";
  }

  /** The closest registered name within edit distance 2, or null. */
  private String suggestion(String base) {
    String best = null;
    int bestDist = 3;
    for (String f : byName.keySet()) {
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
}
