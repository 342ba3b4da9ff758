package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.CsvText;
import org.interestlab.eval.EvaluationContext;
import org.interestlab.eval.MeanAggregate;
import org.interestlab.eval.MetricSpec;
import org.interestlab.eval.SystemMetric;
import org.interestlab.recommend.TrainingData;

/**
 * Scores every recommender's lists against the test interactions: per-user ranking metrics (kept in
 * {@link RunContext#perUser} for the confidence intervals and paired tests, and written per user to
 * {@code per_user.csv}) and system metrics over all evaluated users. This is the only step that
 * reads the test part.
 */
final class EvaluateStep implements RunStep {
  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public void run(RunContext ctx) {
    List<MetricSpec> topK = ctx.components.metrics().stream().filter(m -> m.kind().usesK()).toList();
    BitSet[] relevant = HeldOut.of(ctx.test()).items();
    List<String> header = new ArrayList<>(List.of("user_id", "recommender", "num_relevant"));
    for (MetricSpec m : topK) if (m.isPerUser()) header.add(m.name());
    CsvText perUser = CsvText.withHeader(header);
    EvaluationContext context = EvaluationContext.of(ctx.data().numItems(), ctx.config.topK(),
        TrainingData.of(ctx.train()).itemPopularity(), ctx.data().numUsers()).withItemVectors(ctx.itemVectors());
    ctx.rankings.forEach((name, rankings) -> ctx.results.put(name,
        ctx.timings.time("eval.recommend:" + name, () -> evaluate(ctx, context, name, rankings, topK, relevant, perUser))));
    ctx.perUserCsv = perUser.toString();
  }

  private static Map<String, Double> evaluate(RunContext ctx, EvaluationContext context, String name, RunContext.Rankings rankings,
      List<MetricSpec> specs, BitSet[] relevant, CsvText perUser) {
    int k = ctx.config.topK();
    List<SystemMetric> system = new ArrayList<>();
    for (MetricSpec m : specs) system.add(m.isPerUser() ? m.newPerUserMean(k, context) : m.newSystemMetric(k, context));
    int n = rankings.users().length;
    double[][] values = new double[specs.size()][];
    for (int s = 0; s < specs.size(); s++) if (specs.get(s).isPerUser()) values[s] = new double[n];
    for (int i = 0; i < n; i++) {
      int u = rankings.users()[i];
      int[] ranked = rankings.lists()[i];
      int numRelevant = relevant[u].cardinality();
      List<Object> row = new ArrayList<>(List.of(ctx.data().users().get(u).id(), name, numRelevant));
      for (int s = 0; s < specs.size(); s++) {
        if (specs.get(s).isPerUser()) {
          values[s][i] = ((MeanAggregate) system.get(s)).addUser(ranked, relevant[u], numRelevant);
          row.add(Json.number(values[s][i]));
        } else system.get(s).add(ranked, relevant[u], numRelevant);
      }
      perUser.row(row);
    }
    Map<String, double[]> kept = new LinkedHashMap<>();
    for (int s = 0; s < specs.size(); s++) if (values[s] != null) kept.put(specs.get(s).name(), values[s]);
    ctx.perUser.put(name, new RunContext.PerUserValues(rankings.users(), kept));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int s = 0; s < specs.size(); s++) out.put(specs.get(s).name(), system.get(s).evaluate());
    return out;
  }
}
