package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.compute.CsvText;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Split;
import org.interestlab.eval.EvaluationContext;
import org.interestlab.eval.MeanAggregate;
import org.interestlab.eval.MetricSpec;
import org.interestlab.params.Params;
import org.interestlab.profile.UserProfiles;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.Recommender;
import org.interestlab.recommend.TopKRecommendations;
import org.interestlab.recommend.TrainingData;
import org.interestlab.recommend.TunedOnValidation;

/**
 * Chooses each recommender's parameters among the listed candidates on validation data, before
 * anything is tested: the split's own rule carves a validation set from the <em>training</em> part
 * ({@link org.interestlab.data.Splitter#forValidation}); every candidate is fitted on the rest of the
 * training part and ranks the top K for the users with validation interactions; the candidate with
 * the best mean of the validation metric wins (the first listed on ties). The recommend step then
 * fits the winner on the whole training part, and the test part is read once, by evaluation.
 * Recommenders with a single candidate are scored on validation too, so every recommender of a run
 * (and of every point of a sweep) has a validation value to be compared by ({@link SweepSummary}).
 *
 * <p>When a recommender reads item vectors (content models, hybrids), the item
 * vectors and user profiles are rebuilt from the rest of the training part, so no validation review
 * reaches a vector that scores validation (each review is embedded once, through the embedding cache).
 * Clusters, the encoder's vocabulary and, for other recommenders, profiles and item vectors are those of
 * the whole training part: a mild optimism on validation, never a view of the test part. Writes
 * {@code selection.csv} (one row per candidate of every recommender, the chosen one marked) and the
 * chosen values under {@code selected} in {@code metrics.json}.
 */
final class SelectStep implements RunStep {
  @Override
  public String name() {
    return "select";
  }

  @Override
  public void run(RunContext ctx) {
    ConfigSections.Section settings = ctx.config.section(SelectionSettings.KEY);
    if (settings == null) return;
    MetricSpec metric = MetricSpec.parse(settings.params().getString("metric"));
    Split validation = ctx.timings.time("select.split",
        () -> ctx.components.splitter().forValidation(settings.params().getDouble("share")).split(ctx.train()));
    TrainingData td = ctx.timings.time("select.vectors", () -> validationData(ctx, validation.train()));
    HeldOut held = HeldOut.of(validation.test());
    BitSet[] relevant = held.items();
    int[] users = held.users();
    int k = ctx.config.topK();
    EvaluationContext context = EvaluationContext.of(ctx.data().numItems(), k, td.itemPopularity(), ctx.data().numUsers());
    ctx.log.info(String.format(Locale.ROOT, "validation: %,d train / %,d validation interactions, %,d users, choosing by %s",
        validation.train().interactions().size(), validation.test().interactions().size(), users.length, metric.name()));
    CsvText csv = CsvText.withHeader("recommender", "candidate", "parameters", metric.name(), "chosen");
    for (int r = 0; r < ctx.config.recommenders().size(); r++) {
      ComponentConfig rc = ctx.config.recommenders().get(r);
      List<Recommender> candidates = new ArrayList<>(ctx.components.candidates().get(r));
      List<Map<String, Object>> values = new ArrayList<>();
      double[] scores = new double[candidates.size()];
      for (int c = 0; c < candidates.size(); c++) {
        values.add(listed(rc, rc.candidates().get(c)));
        if (candidates.get(c) instanceof TunedOnValidation t && t.tunes()) {
          // Part of the model (a blend's weights) is fitted on validation: it is then scored, and tested, as fitted.
          TunedOnValidation.Tuned tuned = ctx.timings.time("select:" + rc.name(),
              () -> t.tune(td, fitted -> score(fitted, td, users, relevant, metric, k, context)));
          candidates.set(c, tuned.recommender());
          values.get(c).putAll(tuned.values());
        }
        Recommender candidate = candidates.get(c);
        scores[c] = ctx.timings.time("select:" + rc.name(), () -> score(candidate, td, users, relevant, metric, k, context));
      }
      int best = 0;
      for (int c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
      ctx.validation.put(rc.name(), scores[best]);
      for (int c = 0; c < scores.length; c++) {
        csv.row(rc.name(), c, describe(values.get(c)), Json.number(scores[c]), c == best);
      }
      if (!rc.selects() && candidates.get(best) == ctx.components.candidates().get(r).get(best)) continue;
      ctx.selected.put(rc.name(), candidates.get(best));
      ctx.selectedParams.put(rc.name(), values.get(best));
      ctx.log.info(String.format(Locale.ROOT, "selected %s: %s (validation %s %.4f)", rc.name(),
          describe(ctx.selectedParams.get(rc.name())), metric.name(), scores[best]));
    }
    ctx.files.put("selection.csv", csv.toString());
  }

  /** The training data validation candidates are fitted on: vectors rebuilt without the validation part where they are read. */
  private static TrainingData validationData(RunContext ctx, Dataset rest) {
    // Every recommender is scored on validation (not only those choosing), so any reader of item vectors asks for the rebuild.
    boolean rebuild = ctx.itemVectors() != null && ctx.components.candidates().stream()
        .anyMatch(candidates -> candidates.stream().anyMatch(Recommender::needsItemVectors));
    if (!rebuild) return new TrainingData(rest, ctx.profiles(), ctx.itemVectors(), ctx.userClusters);
    Embeddings items = ctx.itemDocuments.vectors(rest, ctx.encoder());
    UserProfiles profiles = ctx.components.profiler().fit(rest, ctx.encoder(), items).transform(rest);
    return new TrainingData(rest, profiles, items, ctx.userClusters, ctx.itemHasContent(rest));
  }

  private static double score(Recommender candidate, TrainingData td, int[] users, BitSet[] relevant, MetricSpec metric, int k,
      EvaluationContext context) {
    try (FittedRecommender fitted = candidate.fit(td)) {
      return score(fitted, td, users, relevant, metric, k, context);
    }
  }

  /** The validation metric of a fitted model's top-K lists, averaged over the validation users. */
  private static double score(FittedRecommender fitted, TrainingData td, int[] users, BitSet[] relevant, MetricSpec metric, int k,
      EvaluationContext context) {
    MeanAggregate mean = metric.newPerUserMean(k, context);
    int[][] lists = new TopKRecommendations(fitted, td).forUsers(users, k);
    for (int i = 0; i < users.length; i++) mean.addUser(lists[i], relevant[users[i]], relevant[users[i]].cardinality());
    return mean.evaluate();
  }

  /** The values of the parameters the config listed, in declaration order. */
  private static Map<String, Object> listed(ComponentConfig rc, Params candidate) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : candidate.values().keySet()) {
      if (rc.candidates().stream().map(p -> p.values().get(key)).distinct().count() > 1) out.put(key, candidate.values().get(key));
    }
    return out;
  }

  private static String describe(Map<String, Object> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((key, v) -> parts.add(key + "=" + v));
    return String.join(" ", parts);
  }
}
