package org.interestlab.experiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.Clustering;
import org.interestlab.compute.ProgressBar;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Split;
import org.interestlab.data.Splitter;
import org.interestlab.encode.CachedEncoder;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Encoder;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.eval.MeanAggregate;
import org.interestlab.eval.MetricSpec;
import org.interestlab.eval.SystemMetric;
import org.interestlab.profile.TextConcatProfiler;
import org.interestlab.profile.UserProfiler;
import org.interestlab.profile.UserProfiles;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.Recommender;
import org.interestlab.recommend.TrainingData;

/**
 * Runs one experiment: data → split → encode → profile → cluster → recommend → evaluate, timing
 * each stage, and writes the run directory atomically (DESIGN §4).
 *
 * <p>Evaluation protocol: for every user with test interactions, each recommender ranks all items
 * the user did not interact with in training and returns the top K (K = the largest cutoff among
 * the metrics); ranking metrics are averaged over those users.
 *
 * <pre>{@code
 * ExperimentConfig c = new ConfigLoader(Registry.standard()).load(path, List.of());
 * RunResult r = new Runner(Registry.standard(), repoRoot, runsDir, System.out).run(c);
 * }</pre>
 */
public final class Runner {
  private final Registry registry;
  private final Path repoRoot;
  private final Path runsRoot;
  private final PrintStream console;

  public Runner(Registry registry, Path repoRoot, Path runsRoot, PrintStream console) {
    this.registry = registry;
    this.repoRoot = repoRoot;
    this.runsRoot = runsRoot;
    this.console = console;
  }

  /**
   * A GPU named by a component ({@code device: gpu} or {@code gpu:N}) must exist before any work
   * starts: the error names the file and key. {@code auto} and {@code cpu} need no check here.
   */
  private static void requireAskedForGpus(ExperimentConfig config) {
    List<ComponentConfig> components = new ArrayList<>(List.of(config.encoder()));
    if (config.clusterer() != null) components.add(config.clusterer());
    components.addAll(config.recommenders());
    for (ComponentConfig c : components) {
      Object device = c.params().values().get("device");
      if (device instanceof String d && d.startsWith("gpu")) {
        org.interestlab.compute.Device.resolve(d, config.file() + ": " + c.stage().key() + ".device");
      }
    }
  }

  public RunResult run(ExperimentConfig config) {
    String resolvedYaml = ConfigYaml.dump(config.resolved());
    String hash8 = sha256(resolvedYaml).substring(0, 8);
    Instant start = Instant.now();
    RunLog log = new RunLog(console);
    Timings timings = new Timings();
    List<MetricSpec> metrics = config.metrics().stream().map(MetricSpec::parse).toList();

    DatasetLoader loader = config.dataset().create(registry, DatasetLoader.class);
    boolean wantsTruth = metrics.stream().anyMatch(m -> m.kind().needsGroundTruth());
    if (wantsTruth && !loader.hasGroundTruth()) {
      String m = metrics.stream().filter(s -> s.kind().needsGroundTruth()).findFirst().orElseThrow().name();
      throw new ConfigException(config.file() + ": metrics: '" + m + "' needs ground-truth interests, which dataset '"
          + config.dataset().kind() + "' does not have — allowed with it: precision@K, recall@K, ndcg@K, map@K, mrr@K, hitrate@K, coverage, silhouette, davies-bouldin, calinski-harabasz");
    }
    // Build every component before any work, so parameter problems surface first.
    Splitter splitter;
    Encoder encoder;
    UserProfiler profiler;
    Clusterer clusterer;
    List<Recommender> recommenders = new ArrayList<>();
    InterestHierarchyJob hierarchyJob;
    DynamicInterestsJob dynamicJob;
    try {
      splitter = config.split().create(registry, Splitter.class);
      encoder = config.encoder().create(registry, Encoder.class);
      profiler = config.profile().create(registry, UserProfiler.class);
      clusterer = config.clusterer() == null ? null : config.clusterer().create(registry, Clusterer.class);
      for (ComponentConfig rc : config.recommenders()) recommenders.add(rc.create(registry, Recommender.class));
      ConfigSections.Section h = config.section(InterestHierarchyJob.KEY);
      hierarchyJob = h == null ? null : new InterestHierarchyJob(config.file(), h);
      ConfigSections.Section dyn = config.section(DynamicInterestsJob.KEY);
      dynamicJob = dyn == null ? null : new DynamicInterestsJob(dyn);
    } catch (ConfigException e) {
      throw e;
    } catch (UserException e) {
      throw new ConfigException(config.file() + ": " + e.getMessage());
    }
    requireAskedForGpus(config);
    boolean useCache = config.encoder().params().values().get("cache") instanceof Boolean b && b;
    EmbeddingCache cache = useCache ? EmbeddingCache.openDefault() : null;

    RunDirectory dir = RunDirectory.create(runsRoot, config.name(), hash8, start);
    try {
      log.info("run " + config.name() + " (seed " + config.seed() + ", config " + config.file() + ")");
      LoadedDataset loaded = timings.time("data", loader::load);
      Dataset data = loaded.dataset();
      log.info("data: " + data);

      Split split = timings.time("split", () -> splitter.split(data));
      Dataset train = split.train();
      Dataset test = split.test();
      log.info(String.format(Locale.ROOT, "split %s: %,d train / %,d test interactions", config.split().kind(),
          train.interactions().size(), test.interactions().size()));

      List<String> itemTexts = data.items().stream().map(org.interestlab.data.Item::fullText).toList();
      Embeddings itemVectors = null;
      UserProfiles profiles;
      DynamicInterestsJob.Output dynamic = null;
      List<String> corpus = new ArrayList<>(itemTexts);
      if (profiler instanceof TextConcatProfiler tc) corpus.addAll(tc.userTexts(train).stream().filter(t -> !t.isEmpty()).toList());
      try (FittedEncoder fitted = cached(timings.time("encode.fit", () -> encoder.fit(corpus)), cache)) {
        log.info("encoder " + config.encoder().kind() + ": " + fitted.dimension() + "-d, " + fitted.placement());
        if (profiler.needsItemVectors() || recommenders.stream().anyMatch(Recommender::needsItemVectors)) {
          itemVectors = timings.time("encode.items", () -> fitted.encode(itemTexts));
        }
        Embeddings iv = itemVectors;
        profiles = timings.time("profile", () -> profiler.profile(train, fitted, iv));
        if (dynamicJob != null) dynamic = timings.time("dynamic", () -> dynamicJob.run(data, loaded, profiler, fitted, iv, log));
      }
      if (cache != null) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hits", cache.hits());
        c.put("misses", cache.misses());
        c.put("directory", cache.directory().toString());
        timings.put("embedding_cache", c);
        log.info(String.format(Locale.ROOT, "embedding cache: %,d hits, %,d misses (%s)", cache.hits(), cache.misses(), cache.directory()));
      }
      int[] present = profiles.presentUsers();
      log.info(String.format(Locale.ROOT, "profile %s: %,d users with a profile", config.profile().kind(), present.length));

      Map<String, Map<String, Double>> results = new LinkedHashMap<>();
      Map<String, Object> clusterJson = null;
      int[] userClusters = null;
      if (clusterer != null) {
        Embeddings points = profiles.vectors().select(present);
        Clustering clustering = timings.time("cluster", () -> clusterer.fit(points));
        userClusters = new int[data.numUsers()];
        java.util.Arrays.fill(userClusters, -1);
        for (int i = 0; i < present.length; i++) userClusters[present[i]] = clustering.label(i);
        Map<String, Double> cm = timings.time("eval.clusters", () -> clusterMetrics(metrics, points, clustering, loaded, present));
        results.put(config.clusterer().kind(), cm);
        clusterJson = new LinkedHashMap<>();
        clusterJson.put("kind", config.clusterer().kind());
        clusterJson.put("clusters", clustering.numClusters());
        clusterJson.put("users", present.length);
        clusterJson.put("noise", (int) java.util.Arrays.stream(clustering.labels()).filter(l -> l < 0).count());
        clusterJson.put("inertia", clustering.inertia());
        clusterJson.put("iterations", clustering.iterations());
        clusterJson.put("sizes", java.util.Arrays.stream(clustering.sizes()).boxed().toList());
        clusterJson.put("metrics", new LinkedHashMap<>(cm));
        log.info(String.format(Locale.ROOT, "clusterer %s: %d clusters, inertia %.4f, %d iterations",
            config.clusterer().kind(), clustering.numClusters(), clustering.inertia(), clustering.iterations()));
        if (clusterer instanceof org.interestlab.cluster.KMeans && !org.interestlab.cluster.KMeans.vectorDistances()) {
          log.info("k-means bounds ran on the scalar path (same labels, slower): start Java with "
              + "--add-modules jdk.incubator.vector, as ./lab does, for the Vector API");
        }
      }

      InterestHierarchyJob.Output hierarchy = null;
      if (hierarchyJob != null) {
        UserProfiles p = profiles;
        hierarchy = timings.time("hierarchy", () -> hierarchyJob.run(train, p, loaded, log));
        results.put(InterestHierarchyJob.KEY, hierarchy.metrics());
      }
      if (dynamic != null) results.put(DynamicInterestsJob.KEY, dynamic.metrics());

      TrainingData td = new TrainingData(train, profiles, itemVectors, userClusters);
      BitSet[] seen = td.seenItems();
      BitSet[] relevant = new BitSet[data.numUsers()];
      for (Interaction i : test.interactions()) {
        if (relevant[i.user()] == null) relevant[i.user()] = new BitSet(data.numItems());
        relevant[i.user()].set(i.item());
      }
      List<Integer> testUsers = new ArrayList<>();
      for (int u = 0; u < relevant.length; u++) if (relevant[u] != null) testUsers.add(u);
      log.info(String.format(Locale.ROOT, "evaluating %,d test users at K=%d", testUsers.size(), config.topK()));

      StringBuilder perUser = new StringBuilder("user_id,recommender,num_relevant");
      List<MetricSpec> rankingSpecs = metrics.stream().filter(m -> m.kind() == MetricSpec.Kind.RANKING).toList();
      for (MetricSpec m : rankingSpecs) perUser.append(',').append(m.name());
      perUser.append('\n');

      for (int r = 0; r < recommenders.size(); r++) {
        String name = config.recommenders().get(r).name();
        Recommender rec = recommenders.get(r);
        FittedRecommender fitted = timings.time("recommend.fit:" + name, () -> rec.fit(td));
        List<SystemMetric> system = new ArrayList<>();
        for (MetricSpec m : metrics) if (m.kind().usesK()) system.add(m.newSystemMetric(config.topK(), data.numItems()));
        try (ProgressBar bar = ProgressBar.start("recommend " + name, testUsers.size(), "users")) {
          timings.time("recommend.eval:" + name, () -> {
            for (int u : testUsers) {
              int[] ranked = fitted.recommend(u, config.topK(), seen[u]);
              int numRelevant = relevant[u].cardinality();
              perUser.append(csv(data.users().get(u).id())).append(',').append(csv(name)).append(',').append(numRelevant);
              for (SystemMetric sm : system) {
                if (sm instanceof MeanAggregate ma) {
                  double v = ma.addUser(ranked, relevant[u], numRelevant);
                  perUser.append(',').append(Json.number(v));
                } else {
                  sm.add(ranked, relevant[u], numRelevant);
                }
              }
              perUser.append('\n');
              bar.advance(1);
            }
            return null;
          });
        }
        Map<String, Double> rm = new LinkedHashMap<>();
        for (int i = 0, s = 0; i < metrics.size(); i++) {
          if (metrics.get(i).kind().usesK()) rm.put(metrics.get(i).name(), system.get(s++).evaluate());
        }
        results.put(name, rm);
      }

      Map<String, Object> metricsJson = metricsJson(config, hash8, data, train, test, testUsers.size(), clusterJson, results);
      dir.write("config.yaml", resolvedYaml);
      dir.write("metrics.json", Json.write(metricsJson));
      dir.write("metrics.csv", metricsCsv(results));
      dir.write("per_user.csv", perUser.toString());
      dir.write("clusters.csv", clustersCsv(data, userClusters, loaded.truthLabels()));
      if (hierarchy != null) hierarchy.files().forEach(dir::write);
      if (dynamic != null) dynamic.files().forEach(dir::write);
      dir.write("environment.json", Json.write(EnvironmentInfo.collect(repoRoot)));
      timings.put("total", (java.time.Duration.between(start, Instant.now()).toNanos()) / 1e9);
      dir.write("timings.json", Json.write(timings.asMap()));
      dir.write("report.html", HtmlReport.render(config, metricsJson, results, timings));
      log.info("done");
      dir.write("run.log", log.text());
      Path done = dir.complete();
      return new RunResult(done, results, metricsJson);
    } catch (RuntimeException | Error e) {
      dir.abandon();
      throw e;
    }
  }

  private static FittedEncoder cached(FittedEncoder fitted, EmbeddingCache cache) {
    return cache == null ? fitted : new CachedEncoder(fitted, cache);
  }

  private static Map<String, Double> clusterMetrics(List<MetricSpec> metrics, Embeddings points, Clustering c,
      LoadedDataset loaded, int[] present) {
    Map<String, Double> out = new LinkedHashMap<>();
    int[] labels = c.labels();
    int distinct = (int) java.util.Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
    // Internal metrics judge the clusters, so noise points (-1, DBSCAN) are left out of them;
    // external metrics keep every user, noise as one more label (scikit-learn's convention).
    int[] clustered = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
    Embeddings clusteredPoints = clustered.length == labels.length ? points : points.select(clustered);
    int[] clusteredLabels = clustered.length == labels.length ? labels : java.util.Arrays.stream(clustered).map(i -> labels[i]).toArray();
    for (MetricSpec m : metrics) {
      if (m.kind() == MetricSpec.Kind.CLUSTERING) {
        if (distinct < 2) {
          throw new UserException("metric '" + m.name() + "' needs at least 2 non-empty clusters; the clusterer found " + distinct);
        }
        out.put(m.name(), m.clusteringMetric().score(clusteredPoints, clusteredLabels));
      } else if (m.kind() == MetricSpec.Kind.EXTERNAL_CLUSTERING) {
        int[] truth = new int[present.length];
        for (int i = 0; i < present.length; i++) truth[i] = loaded.truthLabels()[present[i]];
        out.put(m.name(), m.externalClusteringMetric().score(truth, labels));
      }
    }
    return out;
  }

  private static Map<String, Object> metricsJson(ExperimentConfig config, String hash8, Dataset data, Dataset train,
      Dataset test, int testUsers, Map<String, Object> clusterJson, Map<String, Map<String, Double>> results) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", config.name());
    m.put("seed", config.seed());
    m.put("config_sha256_8", hash8);
    m.put("k", config.topK());
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", data.name());
    ds.put("users", data.numUsers());
    ds.put("items", data.numItems());
    ds.put("train_interactions", train.interactions().size());
    ds.put("test_interactions", test.interactions().size());
    ds.put("test_users", testUsers);
    m.put("dataset", ds);
    if (clusterJson != null) m.put("clusterer", clusterJson);
    for (String section : List.of(InterestHierarchyJob.KEY, DynamicInterestsJob.KEY)) {
      if (results.containsKey(section)) m.put(section, new LinkedHashMap<>(results.get(section)));
    }
    Map<String, Object> recs = new LinkedHashMap<>();
    for (ComponentConfig rc : config.recommenders()) recs.put(rc.name(), new LinkedHashMap<>(results.get(rc.name())));
    m.put("recommenders", recs);
    return m;
  }

  private static String metricsCsv(Map<String, Map<String, Double>> results) {
    StringBuilder sb = new StringBuilder("component,metric,value\n");
    results.forEach((component, ms) -> ms.forEach((metric, v) ->
        sb.append(csv(component)).append(',').append(csv(metric)).append(',').append(Json.number(v)).append('\n')));
    return sb.toString();
  }

  private static String clustersCsv(Dataset data, int[] clusters, int[] truth) {
    StringBuilder sb = new StringBuilder("user_id,cluster");
    if (truth != null) sb.append(",truth");
    sb.append('\n');
    for (int u = 0; u < data.numUsers(); u++) {
      sb.append(csv(data.users().get(u).id())).append(',').append(clusters == null ? -1 : clusters[u]);
      if (truth != null) sb.append(',').append(truth[u]);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** RFC 4180 quoting where needed. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
