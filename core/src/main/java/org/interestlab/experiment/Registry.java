package org.interestlab.experiment;

import static org.interestlab.experiment.ParamSpec.choice;
import static org.interestlab.experiment.ParamSpec.integer;
import static org.interestlab.experiment.ParamSpec.real;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.cluster.KMeans;
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
              choice("algorithm", "hamerly", List.of("hamerly", "yinyang", "lloyd"),
                  "assignment step: exact Hamerly or Yinyang bounds, or every distance; same results"),
              choice("metric", "euclidean", List.of("euclidean", "cosine"), "cosine = spherical k-means")),
          (p, seed) -> new KMeans(p.getInt("k"), KMeans.Init.parse(p.getString("init")), p.getInt("n_init"),
              p.getInt("max_iter"), p.getDouble("tol"), seed, p.getString("device"),
              KMeans.Algorithm.parse(p.getString("algorithm")), KMeans.Metric.parse(p.getString("metric")))));

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
