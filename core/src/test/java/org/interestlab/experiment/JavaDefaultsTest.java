package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.interestlab.cluster.Agglomerative;
import org.interestlab.cluster.Dbscan;
import org.interestlab.cluster.GaussianMixture;
import org.interestlab.cluster.KMeans;
import org.interestlab.cluster.MiniBatchKMeans;
import org.interestlab.data.AmazonReviews5CoreSource;
import org.interestlab.data.HeldOutItemsSplit;
import org.interestlab.data.LeaveLastOutSplit;
import org.interestlab.data.MovieLens100kSource;
import org.interestlab.data.MovieLens1mSource;
import org.interestlab.data.MovieLensLatestSmallSource;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.TemporalSplit;
import org.interestlab.data.UserPartsSplit;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.interestlab.encode.SentenceEncoders;
import org.interestlab.encode.TfIdfEncoder;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.Params;
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
import org.junit.jupiter.api.Test;

/**
 * A component built in Java with its default factory is the component a config builds when it
 * names only the kind: for every registered kind of every stage. A newly registered kind fails
 * here until it has a Java default (and the two agree), so the defaults cannot drift apart again.
 */
class JavaDefaultsTest {
  private static final long SEED = 1234L;
  private static final Path MODEL_DIR = Path.of("my-model");

  /** How Java builds each kind with its defaults (given the seed a config would derive); required values as in {@link #REQUIRED}. */
  private static final Map<String, LongFunction<Object>> JAVA = new LinkedHashMap<>();
  /** Values a kind cannot do without (no default exists), given to both sides. */
  private static final Map<String, Map<String, Object>> REQUIRED = Map.of(
      "amazon-reviews-5core", Map.of("category", "Musical_Instruments"),
      "onnx", Map.of("path", MODEL_DIR.toString()));
  /** A dataset's registry entry wraps the source's own spec in a loader; the values are compared on the source. */
  private static final Map<String, ComponentSpec<?>> DATASET_SOURCES = Map.of(
      "synthetic-interests", SyntheticInterestsSource.SPEC,
      "movielens-100k", MovieLens100kSource.SPEC,
      "movielens-1m", MovieLens1mSource.SPEC,
      "movielens-latest-small", MovieLensLatestSmallSource.SPEC,
      "amazon-reviews-5core", AmazonReviews5CoreSource.SPEC);

  static {
    JAVA.put("synthetic-interests", seed -> new SyntheticInterestsSource().language());
    JAVA.put("movielens-100k", seed -> new MovieLens100kSource());
    JAVA.put("movielens-1m", seed -> new MovieLens1mSource());
    JAVA.put("movielens-latest-small", seed -> new MovieLensLatestSmallSource());
    JAVA.put("amazon-reviews-5core", seed -> new AmazonReviews5CoreSource("Musical_Instruments"));

    JAVA.put("temporal", seed -> TemporalSplit.defaults());
    JAVA.put("leave-last-out", seed -> new LeaveLastOutSplit());
    JAVA.put("ratio", RatioSplit::defaults);
    JAVA.put("user-parts", UserPartsSplit::defaults);
    JAVA.put("held-out-items", HeldOutItemsSplit::defaults);

    JAVA.put("tfidf", seed -> TfIdfEncoder.defaults().withSeed(seed));
    JAVA.put("minilm-l6", seed -> OnnxSentenceEncoder.of("minilm-l6"));
    JAVA.put("bge-small-zh", seed -> OnnxSentenceEncoder.of("bge-small-zh"));
    JAVA.put("onnx", seed -> OnnxSentenceEncoder.builder().setModelDir(MODEL_DIR).build());

    JAVA.put("text-concat", seed -> TextConcatProfiler.defaults());
    JAVA.put("mean", seed -> MeanItemProfiler.plain());
    JAVA.put("recency-mean", seed -> MeanItemProfiler.recency());
    JAVA.put("multi-interest", MultiInterestProfiler::defaults);
    JAVA.put("review-mean", seed -> ReviewProfiler.mean());
    JAVA.put("review-recency", seed -> ReviewProfiler.recency());
    JAVA.put("review-multi-interest", ReviewProfiler::interests);

    JAVA.put("kmeans", seed -> KMeans.defaults().withSeed(seed));
    JAVA.put("minibatch-kmeans", seed -> withSeed(MiniBatchKMeans.defaults(), seed));
    JAVA.put("agglomerative", seed -> Agglomerative.defaults());
    JAVA.put("dbscan", seed -> Dbscan.defaults());
    JAVA.put("gmm", seed -> withSeed(GaussianMixture.defaults(), seed));

    JAVA.put("most-popular", seed -> new MostPopularRecommender());
    JAVA.put("cluster-popular", seed -> new ClusterPopularRecommender());
    JAVA.put("cluster-centroid", seed -> new ClusterCentroidRecommender());
    JAVA.put("content-knn", seed -> new ContentKnnRecommender());
    JAVA.put("item-knn", seed -> ItemKnnRecommender.defaults());
    JAVA.put("user-knn", seed -> UserKnnRecommender.defaults());
    JAVA.put("rp3beta", seed -> Rp3BetaRecommender.defaults());
    JAVA.put("ease", seed -> new EaseRecommender(100, null));
    JAVA.put("ease-user-text", seed -> new EaseRecommender(100, 0, 1, null));
    JAVA.put("als", AlsRecommender::defaults);
    JAVA.put("bpr", BprRecommender::defaults);
    JAVA.put("learned-hybrid", seed -> LearnedHybridRecommender.defaults());
    JAVA.put("cluster-hybrid", seed -> ClusterHybridRecommender.defaults());
    JAVA.put("two-tower", seed -> new TwoTowerRecommender(256, 64, true, false, 1.0, "softmax", 0, 50, 5, 256, 0.005, 0, "auto", seed));
    JAVA.put("sasrec", seed -> new SasRecRecommender(50, 64, 2, 1, 0.0, 0.001, 128, 200, 10, true, 1, "auto", seed));
  }

  @Test
  void everyRegisteredKindBuiltFromJavaDefaultsEqualsTheConfigDefault() {
    Registry registry = Registry.standard();
    List<String> tested = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (Map.Entry<String, ComponentSpec<?>> e : registry.specs(stage).entrySet()) {
        String kind = e.getKey();
        assertThat(JAVA).as(stage.key() + " kind '" + kind + "' has no Java default construction in this test").containsKey(kind);
        ComponentSpec<?> spec = e.getValue();
        if (stage == Stage.DATASET) {
          ComponentSpec<?> source = DATASET_SOURCES.get(kind);
          assertThat(spec.params()).as(kind + ": the registry reads the source's own declarations").isSameAs(source.params());
          spec = source;
        }
        Params config = spec.params().resolve(kind, REQUIRED.getOrDefault(kind, Map.of()));
        Object fromConfig = spec.create(config, SEED);
        if (kind.equals("synthetic-interests")) fromConfig = ((SyntheticInterestsSource) fromConfig).language();
        assertThat(fromConfig).as(stage.key() + " " + kind).isEqualTo(JAVA.get(kind).apply(SEED));
        tested.add(stage.key() + ":" + kind);
      }
    }
    System.out.println("Java defaults = config defaults for " + tested.size() + " kinds: " + String.join(", ", tested));
    assertThat(tested).hasSize(JAVA.size());
  }

  /** Spot checks of the values themselves, from the config reference (README) rather than from the declarations. */
  @Test
  void theSharedDefaultsAreTheDocumentedOnes() {
    KMeans km = KMeans.defaults();
    assertThat(List.of(km.k(), km.nInit(), km.maxIter())).containsExactly(12, 3, 100);
    assertThat(km.tol()).isEqualTo(1e-4);
    assertThat(km.init()).isEqualTo(KMeans.Init.K_MEANS_PLUS_PLUS);
    assertThat(KMeans.of(5).nInit()).isEqualTo(3);
    assertThat(KMeans.of(5).maxIter()).isEqualTo(100);
    assertThat(MiniBatchKMeans.of(5).batchSize()).isEqualTo(1024);
    assertThat(GaussianMixture.of(5).regCovar()).isEqualTo(1e-6);
    assertThat(Dbscan.defaults().eps()).isEqualTo(0.5);
    assertThat(Dbscan.defaults().minSamples()).isEqualTo(5);
    assertThat(TemporalSplit.defaults().testFraction()).isEqualTo(0.2);
    assertThat(RatioSplit.defaults(0).trainRatio()).isEqualTo(0.75);
    assertThat(MeanItemProfiler.recency().halfLifeDays()).isEqualTo(90.0);
    assertThat(ItemKnnRecommender.defaults().neighbours()).isEqualTo(50);
    assertThat(EaseRecommender.defaults().lambda()).isEqualTo(100.0);
    assertThat(SentenceEncoders.PARAMS.defaults().getInt("max_length")).isEqualTo(256);
  }

  private static MiniBatchKMeans withSeed(MiniBatchKMeans m, long seed) {
    return new MiniBatchKMeans(m.k(), m.batchSize(), m.maxIter(), m.nInit(), m.reassignmentRatio(), m.maxNoImprovement(), seed, m.device());
  }

  private static GaussianMixture withSeed(GaussianMixture g, long seed) {
    return new GaussianMixture(g.k(), g.tol(), g.regCovar(), g.maxIter(), g.nInit(), seed);
  }
}
