package org.interestlab.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.interestlab.compute.ProgressBar;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.Recommender;
import org.interestlab.recommend.TopKRecommendations;
import org.interestlab.recommend.TrainingData;

/**
 * Fits each recommender on the training data and ranks the top K unseen items for every user with
 * test interactions (the evaluation protocol: full ranking of all items the user did not interact
 * with in training). Fitted models are closed as soon as their lists are made.
 */
final class RecommendStep implements RunStep {
  /** Users scored per batch: bounds the score matrix at BATCH × n_items doubles. */
  private static final int BATCH = 256;

  @Override
  public String name() {
    return "recommend";
  }

  @Override
  public void run(RunContext ctx) {
    if (ctx.components.recommenders().isEmpty()) return;
    TrainingData td = new TrainingData(ctx.train(), ctx.profiles(), ctx.itemVectors(), ctx.userClusters, ctx.itemHasContent(ctx.train()));
    int[] users = HeldOut.of(ctx.test()).users();
    int k = ctx.config.topK();
    ctx.log.info(String.format(Locale.ROOT, "evaluating %,d test users at K=%d", users.length, k));
    for (int r = 0; r < ctx.components.recommenders().size(); r++) {
      String name = ctx.config.recommenders().get(r).name();
      Recommender rec = ctx.selected.getOrDefault(name, ctx.components.recommenders().get(r));
      try (FittedRecommender fitted = ctx.timings.time("recommend.fit:" + name, () -> rec.fit(td));
           ProgressBar bar = ProgressBar.start("recommend " + name, users.length, "users")) {
        TopKRecommendations top = new TopKRecommendations(fitted, td);
        int[][] lists = ctx.timings.time("recommend.rank:" + name, () -> {
          int[][] out = new int[users.length][];
          for (int from = 0; from < users.length; from += BATCH) {
            int[] batch = Arrays.copyOfRange(users, from, Math.min(users.length, from + BATCH));
            System.arraycopy(top.forUsers(batch, k), 0, out, from, batch.length);
            bar.advance(batch.length);
          }
          return out;
        });
        ctx.rankings.put(name, new RunContext.Rankings(users, lists));
      }
    }
  }
}
