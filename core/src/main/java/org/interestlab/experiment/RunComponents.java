package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.cluster.Clusterer;
import org.interestlab.compute.Device;
import org.interestlab.data.Splitter;
import org.interestlab.encode.Encoder;
import org.interestlab.eval.MetricRegistry;
import org.interestlab.eval.MetricSpec;
import org.interestlab.profile.UserProfiler;
import org.interestlab.recommend.Recommender;

/**
 * Every component of a config, built and cross-checked before any work starts: what one component
 * needs (ground truth, clusters, item vectors, a GPU) must be something the config provides, else
 * the run ends at once with the file, the key and what to change.
 *
 * @param clusterer null when the config has none
 * @param candidates per recommender (config order), every candidate to choose from on validation (one when nothing is listed)
 * @param analyses the analysis sections present (interest hierarchy, dynamic interests), in order
 */
public record RunComponents(
    DatasetLoader dataset, Splitter splitter, Encoder encoder, UserProfiler profiler, Clusterer clusterer,
    List<List<Recommender>> candidates, List<AnalysisJob> analyses, List<MetricSpec> metrics) {

  public RunComponents {
    candidates = candidates.stream().map(List::copyOf).toList();
    analyses = List.copyOf(analyses);
    metrics = List.copyOf(metrics);
  }

  /** Each recommender as configured: its first candidate (the one used unless validation chooses another). */
  public List<Recommender> recommenders() {
    return candidates.stream().map(c -> c.get(0)).toList();
  }

  /** Builds and checks the components of {@code config}. */
  public static RunComponents build(ExperimentConfig config, Registry registry) {
    List<MetricSpec> metrics = config.metrics().stream().map(MetricSpec::parse).toList();
    RunComponents c;
    try {
      List<List<Recommender>> candidates = new ArrayList<>();
      for (ComponentConfig rc : config.recommenders()) {
        candidates.add(rc.candidates().stream().map(p -> rc.create(registry, Recommender.class, p)).toList());
      }
      c = new RunComponents(config.dataset().create(registry, DatasetLoader.class), config.split().create(registry, Splitter.class),
          config.encoder().create(registry, Encoder.class), config.profile().create(registry, UserProfiler.class),
          config.clusterer() == null ? null : config.clusterer().create(registry, Clusterer.class), candidates, analyses(config), metrics);
    } catch (ConfigException e) {
      throw e;
    } catch (UserException e) {
      throw new ConfigException(config.file() + ": " + e.getMessage());
    }
    c.check(config);
    return c;
  }

  private static List<AnalysisJob> analyses(ExperimentConfig config) {
    List<AnalysisJob> jobs = new ArrayList<>();
    ConfigSections.Section h = config.section(InterestHierarchyJob.KEY);
    if (h != null) jobs.add(new InterestHierarchyJob(config.file(), h));
    ConfigSections.Section dyn = config.section(DynamicInterestsJob.KEY);
    if (dyn != null) jobs.add(new DynamicInterestsJob(dyn));
    return jobs;
  }

  /** Whether any component or metric reads item vectors, so the run embeds every item. */
  public boolean needItemVectors() {
    return profiler.needsItemVectors() || candidates.stream().flatMap(List::stream).anyMatch(Recommender::needsItemVectors)
        || metrics.stream().anyMatch(MetricSpec::needsItemVectors);
  }

  private void check(ExperimentConfig config) {
    MetricSpec truthMetric = metrics.stream().filter(m -> m.kind().needsGroundTruth()).findFirst().orElse(null);
    if (truthMetric != null && !dataset.hasGroundTruth()) {
      int i = config.metrics().indexOf(truthMetric.name());
      throw ConfigException.at(config.file(), "metrics[" + i + "]", "'" + truthMetric.name()
          + "' needs ground-truth interests, which dataset '" + config.dataset().kind() + "' does not have — allowed with it: "
          + String.join(", ", MetricRegistry.standard().allowedNames(m -> !m.kind().needsGroundTruth())));
    }
    List<ComponentConfig> withDevice = new ArrayList<>(List.of(config.encoder()));
    if (config.clusterer() != null) withDevice.add(config.clusterer());
    withDevice.addAll(config.recommenders());
    // A GPU named by a component (`device: gpu` or `gpu:N`) must exist before any work starts.
    for (ComponentConfig cc : withDevice) {
      if (cc.params().values().get("device") instanceof String d && d.startsWith("gpu")) {
        Device.resolve(d, config.file() + ": " + cc.stage().key() + ".device");
      }
    }
  }
}
