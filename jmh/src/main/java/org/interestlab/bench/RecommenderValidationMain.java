package org.interestlab.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetSources;
import org.interestlab.data.Interaction;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.Split;
import org.interestlab.eval.Ndcg;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Seeds;
import org.interestlab.experiment.Stage;
import org.interestlab.params.ComponentSpec;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.Recommender;
import org.interestlab.recommend.TopKRecommendations;
import org.interestlab.recommend.TrainingData;

/**
 * Hyper-parameter selection on a validation split carved from the training part only, for a
 * per-user ratio protocol: the dataset is split exactly as a run with {@code split: { kind: ratio,
 * train_ratio: R }} and run seed S splits it (seed {@code Seeds.derive(S, "split")}); only that
 * training part is read, and split again per user by the same ratio with seed {@code
 * Seeds.derive(S, "validation")} into a fitting part and a validation part. Each candidate is
 * fitted on the fitting part (with the seed a run gives a recommender of its kind) and scored by
 * NDCG@K on the validation part, ranking every item the user did not interact with in the fitting
 * part — the run's protocol, one level down. The test part is never looked at.
 *
 * <pre>
 *   java ... RecommenderValidationMain movielens-latest-small 42 0.75 10 \
 *       "item-knn:neighbours=50" "als:factors=64,regularization=10,alpha=1"
 * </pre>
 * Prints one line per candidate: NDCG@K on validation, fit seconds, the candidate.
 */
public final class RecommenderValidationMain {
  private RecommenderValidationMain() {}

  public static void main(String[] args) throws Exception {
    String source = args[0];
    long runSeed = Long.parseLong(args[1]);
    double ratio = Double.parseDouble(args[2]);
    int k = Integer.parseInt(args[3]);
    Dataset all = DatasetSources.load(source, Map.of());
    Dataset train = new RatioSplit(ratio, Seeds.derive(runSeed, "split")).split(all).train();
    Split validation = new RatioSplit(ratio, Seeds.derive(runSeed, "validation")).split(train);
    TrainingData fitting = TrainingData.of(validation.train());
    System.out.printf(Locale.ROOT, "%s: %d training interactions -> %d fitting + %d validation%n", source,
        train.interactions().size(), validation.train().interactions().size(), validation.test().interactions().size());
    Registry registry = Registry.standard();
    for (int c = 4; c < args.length; c++) {
      String kind = args[c].split(":", 2)[0];
      Map<String, Object> raw = parse(args[c]);
      ComponentSpec<?> spec = registry.spec(Stage.RECOMMENDER, kind);
      Recommender r = (Recommender) spec.create(spec.params().resolve(kind, raw), Seeds.derive(runSeed, "recommender:" + kind));
      long t0 = System.nanoTime();
      try (FittedRecommender model = r.fit(fitting)) {
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        double ndcg = ndcg(model, fitting, validation.test(), k);
        System.out.printf(Locale.ROOT, "ndcg@%d %.4f  fit %6.2f s  %s%n", k, ndcg, fitSeconds, args[c]);
      }
    }
  }

  /** Mean NDCG@k over the users with validation interactions. */
  static double ndcg(FittedRecommender model, TrainingData fitting, Dataset heldOut, int k) {
    BitSet[] relevant = new BitSet[heldOut.numUsers()];
    for (Interaction i : heldOut.interactions()) {
      if (relevant[i.user()] == null) relevant[i.user()] = new BitSet(heldOut.numItems());
      relevant[i.user()].set(i.item());
    }
    List<Integer> users = new ArrayList<>();
    for (int u = 0; u < relevant.length; u++) if (relevant[u] != null) users.add(u);
    int[] ids = users.stream().mapToInt(Integer::intValue).toArray();
    int[][] lists = new TopKRecommendations(model, fitting).forUsers(ids, k);
    Ndcg metric = new Ndcg(k);
    double sum = 0;
    for (int t = 0; t < ids.length; t++) sum += metric.value(lists[t], relevant[ids[t]], relevant[ids[t]].cardinality());
    return sum / ids.length;
  }

  /** {@code kind:a=1,b=x} → {@code {a: 1, b: "x"}} with numbers and booleans typed as YAML would. */
  private static Map<String, Object> parse(String candidate) {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] parts = candidate.split(":", 2);
    if (parts.length < 2 || parts[1].isBlank()) return out;
    for (String kv : parts[1].split(",")) {
      String[] p = kv.split("=", 2);
      String v = p[1];
      Object value;
      if (v.matches("-?\\d+")) value = Integer.parseInt(v);
      else if (v.matches("-?[\\d.]+([eE]-?\\d+)?")) value = Double.parseDouble(v);
      else if (v.equals("true") || v.equals("false")) value = Boolean.parseBoolean(v);
      else value = v;
      out.put(p[0], value);
    }
    return out;
  }
}
