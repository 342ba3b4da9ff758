package org.interestlab.experiment;

import static org.interestlab.experiment.ParamSpec.choice;
import static org.interestlab.experiment.ParamSpec.integer;
import static org.interestlab.experiment.ParamSpec.real;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.Agglomerative;
import org.interestlab.cluster.Dbscan;
import org.interestlab.cluster.GaussianMixture;
import org.interestlab.cluster.KMeans;
import org.interestlab.cluster.MiniBatchKMeans;
import org.interestlab.profile.MeanItemProfiler;
import org.interestlab.profile.MultiInterestProfiler;
import org.interestlab.profile.TextConcatProfiler;
import org.interestlab.recommend.ClusterCentroidRecommender;
import org.interestlab.recommend.ClusterPopularRecommender;
import org.interestlab.recommend.ContentKnnRecommender;
import org.interestlab.recommend.ItemKnnRecommender;
import org.interestlab.recommend.MostPopularRecommender;

/**
 * Maps config names to components. Each entry declares its parameters as data, so a component
 * registered here is at once usable from YAML, from a notebook and from a benchmark, and the
 * config is validated before any work starts.
 *
 * <pre>{@code
 * Registry r = Registry.standard();
 * r.register(Stage.RECOMMENDER, new ComponentSpec<>("my-rec", "…", List.of(), (p, seed) -> new MyRec()));
 * }</pre>
 */
public final class Registry {
  private final Map<Stage, Map<String, ComponentSpec<?>>> specs = new EnumMap<>(Stage.class);

  public Registry() {
    for (Stage s : Stage.values()) specs.put(s, new LinkedHashMap<>());
  }

  /** Every built-in component. */
  public static Registry standard() {
    Registry r = new Registry();
    StandardComponents.registerAll(r);
    return r;
  }

  public Registry register(Stage stage, ComponentSpec<?> spec) {
    if (specs.get(stage).putIfAbsent(spec.kind(), spec) != null) {
      throw new IllegalArgumentException(stage.key() + " kind '" + spec.kind() + "' is registered twice");
    }
    return this;
  }

  /** The spec for a kind, or null. */
  public ComponentSpec<?> spec(Stage stage, String kind) {
    return specs.get(stage).get(kind);
  }

  public List<String> kinds(Stage stage) {
    return List.copyOf(specs.get(stage).keySet());
  }

  public Map<String, ComponentSpec<?>> specs(Stage stage) {
    return Collections.unmodifiableMap(specs.get(stage));
  }

  /** The components of this module's own stages (datasets and encoders are added by {@link StandardComponents}). */
  static final class Core {
    private Core() {}

    static void register(Registry r) {
      r.register(Stage.PROFILE, new ComponentSpec<>("text-concat",
          "embed the joined texts of the user's most recent events",
          List.of(integer("max_texts", 20, 1, 10_000, "how many recent events to join")),
          (p, seed) -> new TextConcatProfiler(p.getInt("max_texts"))));
      r.register(Stage.PROFILE, new ComponentSpec<>("mean", "mean of the vectors of the user's training items",
          List.of(), (p, seed) -> MeanItemProfiler.plain()));
      r.register(Stage.PROFILE, new ComponentSpec<>("recency-mean",
          "mean of item vectors, weighted 2^(-age/half-life) from the user's latest event",
          List.of(real("half_life_days", 90.0, 0, 1e6, true, "half-life in days")),
          (p, seed) -> new MeanItemProfiler(p.getDouble("half_life_days"))));

      r.register(Stage.PROFILE, new ComponentSpec<>("multi-interest",
          "up to max_interests vectors per user, by k-means over the user's item vectors",
          List.of(integer("max_interests", 3, 1, 100, "most interests per user"),
              integer("items_per_interest", 5, 1, 10_000, "items needed per interest")),
          (p, seed) -> new MultiInterestProfiler(p.getInt("max_interests"), p.getInt("items_per_interest"), seed)));

      r.register(Stage.CLUSTERER, new ComponentSpec<>("kmeans", "k-means (Lloyd) with k-means++ seeding",
          List.of(
              integer("k", 12, 1, 1_000_000, "number of clusters"),
              choice("init", "k-means++", List.of("k-means++", "random"), "seeding"),
              integer("n_init", 3, 1, 1000, "restarts; the lowest inertia wins"),
              integer("max_iter", 100, 1, 100_000, "Lloyd iterations per restart"),
              real("tol", 1e-4, 0, 1, false, "centre-shift tolerance, relative to the data's mean variance"),
              choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed"),
              choice("algorithm", "auto", List.of("auto", "hamerly", "elkan", "yinyang", "lloyd"),
                  "assignment step: exact Hamerly, Elkan or Yinyang bounds (auto: Elkan while n·k ≤ 2^26, else Hamerly), or every distance; same results"),
              choice("metric", "euclidean", List.of("euclidean", "cosine"), "cosine = spherical k-means")),
          (p, seed) -> new KMeans(p.getInt("k"), KMeans.Init.parse(p.getString("init")), p.getInt("n_init"),
              p.getInt("max_iter"), p.getDouble("tol"), seed, p.getString("device"),
              KMeans.Algorithm.parse(p.getString("algorithm")), DistanceMetric.parse(p.getString("metric")))));

      r.register(Stage.CLUSTERER, new ComponentSpec<>("minibatch-kmeans",
          "mini-batch k-means (Sculley 2010), k-means++ seeding on a sample",
          List.of(
              integer("k", 12, 1, 1_000_000, "number of clusters"),
              integer("batch_size", 1024, 1, 10_000_000, "points per step"),
              integer("max_iter", 100, 1, 100_000, "epochs (passes over n points' worth of batches)"),
              integer("n_init", 3, 1, 1000, "k-means++ seedings tried on the init sample"),
              real("reassignment_ratio", 0.01, 0, 1, false, "centres below this share of the largest count are moved"),
              integer("max_no_improvement", 10, 0, 1_000_000, "steps without improvement before stopping (0 = never stop early)"),
              choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed")),
          (p, seed) -> new MiniBatchKMeans(p.getInt("k"), p.getInt("batch_size"), p.getInt("max_iter"), p.getInt("n_init"),
              p.getDouble("reassignment_ratio"), p.getInt("max_no_improvement"), seed, p.getString("device"))));
      r.register(Stage.CLUSTERER, new ComponentSpec<>("agglomerative",
          "hierarchical clustering (nearest-neighbour chain), Ward, average or complete linkage",
          List.of(
              integer("k", 12, 1, 1_000_000, "number of clusters (ignored when distance_threshold > 0)"),
              choice("linkage", "ward", List.of("ward", "average", "complete"), "between-cluster distance"),
              choice("metric", "euclidean", List.of("euclidean", "cosine"), "point distance (ward: euclidean only)"),
              real("distance_threshold", 0.0, 0, Double.MAX_VALUE, false, "cut height; 0 = cut at k clusters"),
              integer("max_points", 10_000, 1, Agglomerative.MAX_POINTS_LIMIT, "largest input accepted (memory grows as n²)")),
          (p, seed) -> new Agglomerative(p.getInt("k"), Agglomerative.Linkage.parse(p.getString("linkage")),
              DistanceMetric.parse(p.getString("metric")), p.getDouble("distance_threshold"), p.getInt("max_points"))));
      r.register(Stage.CLUSTERER, new ComponentSpec<>("dbscan", "density-based clusters, noise labelled -1",
          List.of(
              real("eps", 0.5, 0, Double.MAX_VALUE, true, "neighbourhood radius"),
              integer("min_samples", 5, 1, 1_000_000, "points within eps (itself included) that make a core point"),
              choice("metric", "euclidean", List.of("euclidean", "cosine"), "point distance"),
              choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed")),
          (p, seed) -> new Dbscan(p.getDouble("eps"), p.getInt("min_samples"), DistanceMetric.parse(p.getString("metric")),
              p.getString("device"))));
      r.register(Stage.CLUSTERER, new ComponentSpec<>("gmm", "Gaussian mixture, diagonal covariances, EM from k-means",
          List.of(
              integer("k", 12, 1, 100_000, "number of components"),
              real("tol", 1e-3, 0, Double.MAX_VALUE, false, "stop when the mean log-likelihood per point changes by less"),
              real("reg_covar", 1e-6, 0, Double.MAX_VALUE, false, "added to every variance"),
              integer("max_iter", 100, 1, 100_000, "EM iterations per restart"),
              integer("n_init", 1, 1, 1000, "restarts; the highest lower bound wins")),
          (p, seed) -> new GaussianMixture(p.getInt("k"), p.getDouble("tol"), p.getDouble("reg_covar"), p.getInt("max_iter"),
              p.getInt("n_init"), seed)));

      r.register(Stage.RECOMMENDER, new ComponentSpec<>("most-popular", "globally most popular unseen items",
          List.of(), (p, seed) -> new MostPopularRecommender()));
      r.register(Stage.RECOMMENDER, new ComponentSpec<>("cluster-popular",
          "most popular unseen items among the user's interest cluster", List.of(),
          (p, seed) -> new ClusterPopularRecommender()));
      r.register(Stage.RECOMMENDER, new ComponentSpec<>("cluster-centroid",
          "unseen items closest (cosine) to the mean profile of the user's interest cluster", List.of(),
          (p, seed) -> new ClusterCentroidRecommender()));
      r.register(Stage.RECOMMENDER, new ComponentSpec<>("content-knn",
          "unseen items closest (cosine) to the user's own profile vector", List.of(),
          (p, seed) -> new ContentKnnRecommender()));
      r.register(Stage.RECOMMENDER, new ComponentSpec<>("item-knn", "item-based kNN, cosine over co-occurrence",
          List.of(integer("neighbours", 50, 1, 100_000, "neighbours kept per item")),
          (p, seed) -> new ItemKnnRecommender(p.getInt("neighbours"))));
    }
  }

}
