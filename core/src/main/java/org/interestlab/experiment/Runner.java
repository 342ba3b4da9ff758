package org.interestlab.experiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs one experiment as a sequence of steps — load → split → encode → profile → cluster →
 * analyse → select (parameters listed in the config, chosen on validation data) → recommend → evaluate →
 * significance → write — that hand their outputs to each other in a
 * {@link RunContext}, timing each stage, and writes the run directory atomically (DESIGN §4):
 * files go to a temporary folder that is renamed only when everything is written.
 *
 * <p>Every component is built and cross-checked ({@link RunComponents}) before any work starts.
 * Evaluation protocol: for every user with test interactions, each recommender ranks all items the
 * user did not interact with in training and returns the top K (K = the largest cutoff among the
 * metrics); ranking metrics are averaged over those users.
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

  /** The stages of every run, in order, before the run folder is written. */
  static List<RunStep> standardSteps() {
    return List.of(new LoadStep(), new SplitStep(), new EncodeStep(), new ProfileStep(), new ClusterStep(), new AnalyseStep(),
        new SelectStep(), new RecommendStep(), new EvaluateStep(), new SignificanceStep());
  }

  public RunResult run(ExperimentConfig config) {
    String resolvedYaml = ConfigYaml.dump(config.resolved());
    String hash8 = sha256(resolvedYaml).substring(0, 8);
    Instant start = Instant.now();
    RunComponents components = RunComponents.build(config, registry);
    RunContext ctx = new RunContext(config, components, new RunLog(console));
    RunDirectory dir = RunDirectory.create(runsRoot, config.name(), hash8, start);
    List<RunStep> steps = new ArrayList<>(standardSteps());
    steps.add(new WriteStep(dir, resolvedYaml, hash8, repoRoot, start));
    try {
      ctx.log.info("run " + config.name() + " (seed " + config.seed() + ", config " + config.file() + ")");
      try {
        for (RunStep step : steps) step.run(ctx);
      } finally {
        ctx.closeAll();
      }
      return new RunResult(dir.complete(), ctx.results, ctx.metricsJson, ctx.intervals, ctx.comparisons, ctx.validation);
    } catch (RuntimeException | Error e) {
      dir.abandon();
      throw e;
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
