package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Split;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.eval.ConfidenceInterval;
import org.interestlab.profile.FittedProfiler;
import org.interestlab.profile.ItemDocuments;
import org.interestlab.profile.UserProfiles;
import org.interestlab.recommend.Recommender;

/**
 * What the steps of one run hand each other: typed slots that a step fills and later steps read.
 * Reading a slot no earlier step filled is a bug in the step order and throws. Native resources a
 * step opens (the fitted encoder) are registered with {@link #closeAtEnd} and closed by the runner
 * when the run ends, however it ends.
 */
public final class RunContext {
  final ExperimentConfig config;
  final RunComponents components;
  final RunLog log;
  final Timings timings = new Timings();
  private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

  LoadedDataset loaded;
  Split split;
  FittedEncoder encoder;
  /** The embedding cache the encoder reads through, or null. */
  EmbeddingCache embeddingCache;
  Embeddings itemVectors;
  /** How item vectors are built from a training part (so validation can rebuild them without its held-out reviews). */
  ItemDocuments itemDocuments;
  FittedProfiler profiler;
  UserProfiles profiles;
  /** Each user's interest cluster (dense user index; −1 = none), null without a clusterer. */
  int[] userClusters;
  /** The {@code clusterer} section of metrics.json, null without a clusterer. */
  Map<String, Object> clusterJson;
  /** The recommender chosen on validation, by recommender name (only those whose config lists candidates). */
  final Map<String, Recommender> selected = new LinkedHashMap<>();
  /** Each recommender's validation value (its chosen candidate's), by name; empty without {@code validation:}. */
  final Map<String, Double> validation = new LinkedHashMap<>();
  /** The listed parameters' chosen values, by recommender name. */
  final Map<String, Map<String, Object>> selectedParams = new LinkedHashMap<>();
  /** The rankings each recommender made, by recommender name, in config order. */
  final Map<String, Rankings> rankings = new LinkedHashMap<>();
  /** Component (clusterer kind, analysis key, recommender name) → metric → value, in the order computed. */
  final Map<String, Map<String, Double>> results = new LinkedHashMap<>();
  /** Files the steps add to the run folder besides the standard ones, by name. */
  final Map<String, String> files = new LinkedHashMap<>();
  /** Per recommender (config order), each per-user ranking metric's value for every evaluated user. */
  final Map<String, PerUserValues> perUser = new LinkedHashMap<>();
  /** Per recommender, each per-user metric's bootstrap confidence interval (metric order as in results). */
  final Map<String, Map<String, ConfidenceInterval>> intervals = new LinkedHashMap<>();
  /** The paired comparisons with the config's baseline, empty without one. */
  final List<PairedComparison> comparisons = new ArrayList<>();
  String perUserCsv;
  /** What metrics.json holds, once written. */
  Map<String, Object> metricsJson;

  RunContext(ExperimentConfig config, RunComponents components, RunLog log) {
    this.config = config;
    this.components = components;
    this.log = log;
  }

  /** The users evaluated and, per recommender, each one's top-K list. */
  record Rankings(int[] users, int[][] lists) {}

  /**
   * One recommender's per-user metric values.
   *
   * @param users the evaluated users (dense indices), in evaluation order
   * @param byMetric metric name → one value per user, aligned with {@code users}
   */
  record PerUserValues(int[] users, Map<String, double[]> byMetric) {}

  public ExperimentConfig config() {
    return config;
  }

  public RunLog log() {
    return log;
  }

  public Timings timings() {
    return timings;
  }

  public LoadedDataset loaded() {
    return require(loaded, "the dataset");
  }

  public Dataset data() {
    return loaded().dataset();
  }

  public Dataset train() {
    return require(split, "the split").train();
  }

  public Dataset test() {
    return require(split, "the split").test();
  }

  /** The fitted encoder; open until the run ends. */
  public FittedEncoder encoder() {
    return require(encoder, "the fitted encoder");
  }

  /** Item vectors, or null when no component asked for them. */
  public Embeddings itemVectors() {
    return itemVectors;
  }

  public FittedProfiler profiler() {
    return require(profiler, "the fitted profiler");
  }

  public UserProfiles profiles() {
    return require(profiles, "the user profiles");
  }

  /** Which items of {@code part} have a content vector, or null when the run built no item vectors. */
  boolean[] itemHasContent(Dataset part) {
    return itemVectors == null ? null : itemDocuments.hasContent(part);
  }

  /** Closes {@code resource} when the run ends (in reverse order of registration). */
  public <T extends AutoCloseable> T closeAtEnd(T resource) {
    closeAtEnd.add(resource);
    return resource;
  }

  void closeAll() {
    RuntimeException first = null;
    for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
      try {
        closeAtEnd.get(i).close();
      } catch (Exception e) {
        if (first == null) first = new IllegalStateException("closing " + closeAtEnd.get(i), e);
      }
    }
    closeAtEnd.clear();
    if (first != null) throw first;
  }

  private static <T> T require(T value, String what) {
    if (value == null) throw new IllegalStateException(what + " is not available yet: a run step is out of order");
    return value;
  }
}
