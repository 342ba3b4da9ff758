package org.interestlab.experiment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.cluster.Agglomerative;
import org.interestlab.cluster.Dbscan;
import org.interestlab.cluster.GaussianMixture;
import org.interestlab.cluster.KMeans;
import org.interestlab.cluster.MiniBatchKMeans;
import org.interestlab.params.ComponentSpec;
import org.interestlab.profile.MeanItemProfiler;
import org.interestlab.profile.MultiInterestProfiler;
import org.interestlab.profile.ReviewProfiler;
import org.interestlab.profile.TextConcatProfiler;
import org.interestlab.recommend.AlsRecommender;
import org.interestlab.recommend.BprRecommender;
import org.interestlab.recommend.ClusterCentroidRecommender;
import org.interestlab.recommend.ClusterHybridRecommender;
import org.interestlab.recommend.ClusterPopularRecommender;
import org.interestlab.recommend.ContentKnnRecommender;
import org.interestlab.recommend.EaseRecommender;
import org.interestlab.recommend.ItemKnnRecommender;
import org.interestlab.recommend.LearnedHybridRecommender;
import org.interestlab.recommend.MostPopularRecommender;
import org.interestlab.recommend.Rp3BetaRecommender;
import org.interestlab.recommend.SasRecRecommender;
import org.interestlab.recommend.TwoTowerRecommender;
import org.interestlab.recommend.UserKnnRecommender;

/**
 * Maps config names to components. Each component declares its kind, parameters and factory
 * beside itself (a {@code SPEC} built on its {@code PARAMS}), so registering it is one line, it is
 * at once usable from YAML, from a notebook and from a benchmark, and the config is validated
 * against the same declarations its constructor checks before any work starts.
 *
 * <pre>{@code
 * Registry r = Registry.standard();
 * r.register(Stage.RECOMMENDER, MyRecommender.SPEC);
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
      r.register(Stage.PROFILE, TextConcatProfiler.SPEC);
      r.register(Stage.PROFILE, MeanItemProfiler.MEAN_SPEC);
      r.register(Stage.PROFILE, MeanItemProfiler.RECENCY_SPEC);
      r.register(Stage.PROFILE, MultiInterestProfiler.SPEC);
      r.register(Stage.PROFILE, ReviewProfiler.MEAN_SPEC);
      r.register(Stage.PROFILE, ReviewProfiler.RECENCY_SPEC);
      r.register(Stage.PROFILE, ReviewProfiler.INTERESTS_SPEC);

      r.register(Stage.CLUSTERER, KMeans.SPEC);
      r.register(Stage.CLUSTERER, MiniBatchKMeans.SPEC);
      r.register(Stage.CLUSTERER, Agglomerative.SPEC);
      r.register(Stage.CLUSTERER, Dbscan.SPEC);
      r.register(Stage.CLUSTERER, GaussianMixture.SPEC);

      r.register(Stage.RECOMMENDER, MostPopularRecommender.SPEC);
      r.register(Stage.RECOMMENDER, ClusterPopularRecommender.SPEC);
      r.register(Stage.RECOMMENDER, ClusterCentroidRecommender.SPEC);
      r.register(Stage.RECOMMENDER, ContentKnnRecommender.SPEC);
      r.register(Stage.RECOMMENDER, ItemKnnRecommender.SPEC);
      r.register(Stage.RECOMMENDER, UserKnnRecommender.SPEC);
      r.register(Stage.RECOMMENDER, Rp3BetaRecommender.SPEC);
      r.register(Stage.RECOMMENDER, EaseRecommender.SPEC);
      r.register(Stage.RECOMMENDER, EaseRecommender.USER_TEXT_SPEC);
      r.register(Stage.RECOMMENDER, AlsRecommender.SPEC);
      r.register(Stage.RECOMMENDER, BprRecommender.SPEC);
      r.register(Stage.RECOMMENDER, LearnedHybridRecommender.spec(new NestedSections(r)));
      r.register(Stage.RECOMMENDER, ClusterHybridRecommender.SPEC);
      r.register(Stage.RECOMMENDER, TwoTowerRecommender.SPEC);
      r.register(Stage.RECOMMENDER, SasRecRecommender.SPEC);
    }
  }
}
