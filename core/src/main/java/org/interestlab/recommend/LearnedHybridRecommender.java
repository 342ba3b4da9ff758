package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * Recommenders blended per user: each model's scores are turned into z-scores over the items the user has not
 * seen in training, and the blend is their weighted sum, with the weights fitted on the validation split.
 *
 * <p><b>Any recommenders</b> ({@code components}): the weights are fitted on validation by coordinate ascent on
 * the run's validation metric ({@link BlendWeightSearch}: the first component's weight is 1, every other starts
 * at 0 and moves over {@link BlendWeightSearch#GRID} while validation improves). A component that lists values
 * ({@code lambda: [25, 100]}) first has them chosen alone on validation, then the weights are fitted around the
 * chosen models. Components that read item vectors get the vectors and profiles rebuilt without the validation
 * reviews, like any recommender of the run. Without a {@code validation:} section every weight is 1 and each
 * component takes its first listed values.
 *
 * <p><b>EASE + content</b> (no {@code components}, the original form): the blend is
 * {@code z_ease + content_weight · z_content}, content being content-knn (cosine of the user's profile and each
 * item's vector); list {@code content_weight} (and {@code lambda}) and the run chooses them on validation like
 * any listed parameter. {@code content_weight: 0} is plain EASE, so the blend is chosen only when validation
 * says content helps. {@code lambda} and {@code content_weight} apply to this form only.
 *
 * <p>Why z-scores: the models' scores live on unrelated scales (EASE's regression weights, cosines in [−1, 1],
 * random-walk probabilities); standardising each per user makes one weight mean the same for every user. For a
 * component that reads item vectors, an item without a content vector (no text, no training review) gets
 * z-score 0 — the text says nothing about it. A user a component does not cover (no profile) gets 0 from it,
 * and is left out only when no component with a non-zero weight covers them.
 *
 * <p>Cost: the components' fits, then {@code O(n_items)} per user and component; fitting the weights scores the
 * validation users at most {@code MAX_PASSES · (n − 1) · |GRID|} times from z-scores computed once per user.
 *
 * <pre>{@code
 * recommenders:
 *   - { kind: learned-hybrid, components: [{ kind: ease, lambda: [100, 500], text_weight: [0, 30] },
 *                                          { kind: rp3beta }, { kind: content-knn }] }
 *   - { kind: learned-hybrid, lambda: [25, 100], content_weight: [0, 0.25, 0.5, 1, 2] }   # EASE + content
 * }</pre>
 *
 * @param lambda EASE's L2 penalty in the EASE + content form (default 100, &gt; 0)
 * @param contentWeight weight of the content z-scores in the EASE + content form (default 1, ≥ 0)
 * @param components the blended models, each a list of candidates (one once chosen); empty: the EASE + content form
 * @param weights one weight per component once fitted on validation; null before (then every weight is 1)
 */
public record LearnedHybridRecommender(double lambda, double contentWeight, List<List<NestedRecommenders.Candidate>> components,
    List<Double> weights) implements Recommender, TunedOnValidation {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("lambda", 100.0, 0, 1e9, true, "EASE's L2 penalty on the item-item weights (EASE + content form)"),
      real("content_weight", 1.0, 0, 1e6, false, "weight of the per-user content z-scores beside EASE's (EASE + content form)"),
      ParamSpec.components("components", "recommenders to blend with weights fitted on validation (instead of EASE + content)"));

  /** The config's {@code recommenders: [{ kind: learned-hybrid }]}, without nested sections (Java use); the registry uses {@link #spec}. */
  public static final ComponentSpec<LearnedHybridRecommender> SPEC = spec(NestedRecommenders.NONE);

  /** The spec whose {@code components} sections are built by {@code nested} (the registry's). */
  public static ComponentSpec<LearnedHybridRecommender> spec(NestedRecommenders nested) {
    return new ComponentSpec<>("learned-hybrid",
        "recommenders' per-user z-scores blended with weights fitted on validation (default: EASE + content-knn)", PARAMS,
        (p, seed) -> {
          List<Map<String, Object>> sections = p.getComponents("components");
          List<List<NestedRecommenders.Candidate>> built = new ArrayList<>();
          for (int j = 0; j < sections.size(); j++) built.add(nested.candidates(sections.get(j), j, seed));
          return new LearnedHybridRecommender(p.getDouble("lambda"), p.getDouble("content_weight"), built, null);
        });
  }

  public LearnedHybridRecommender {
    PARAMS.check("lambda", lambda);
    PARAMS.check("content_weight", contentWeight);
    components = components.stream().map(List::copyOf).toList();
    if (components.size() == 1 || components.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a blend needs at least 2 components, each with a candidate");
    }
    if (weights != null) {
      weights = List.copyOf(weights);
      if (weights.size() != components.size()) throw new IllegalArgumentException("one weight per component");
    }
  }

  /** The EASE + content form. */
  public LearnedHybridRecommender(double lambda, double contentWeight) {
    this(lambda, contentWeight, List.of(), null);
  }

  /** Any recommenders, weights to be fitted on validation ({@link #tune}); every weight 1 until then. */
  public static LearnedHybridRecommender of(Recommender... components) {
    List<List<NestedRecommenders.Candidate>> c = new ArrayList<>();
    for (Recommender r : components) c.add(List.of(new NestedRecommenders.Candidate(r.toString(), r)));
    return new LearnedHybridRecommender(100, 1, c, null);
  }

  /** The config's defaults: the EASE + content form, λ = 100, content weight 1. */
  public static LearnedHybridRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public boolean needsItemVectors() {
    return components.isEmpty() || components.stream().flatMap(List::stream).anyMatch(c -> c.recommender().needsItemVectors());
  }

  @Override
  public boolean needsClusters() {
    return components.stream().flatMap(List::stream).anyMatch(c -> c.recommender().needsClusters());
  }

  @Override
  public boolean tunes() {
    return !components.isEmpty();
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    if (components.isEmpty()) return fitEaseAndContent(data);
    double[] w = new double[components.size()];
    for (int j = 0; j < w.length; j++) w[j] = weights == null ? 1 : weights.get(j);
    List<FittedRecommender> fitted = new ArrayList<>();
    for (int j = 0; j < w.length; j++) {
      // A weight-0 component cannot change a ranking: it is not fitted.
      fitted.add(w[j] == 0 ? null : components.get(j).get(0).recommender().fit(data));
    }
    ZScores z = new ZScores(fitted, readsVectors(), data);
    return new FittedRecommender() {
      @Override
      public boolean covers(int user) {
        return z.covers(user, w);
      }

      @Override
      public double[] scores(int user) {
        return z.blend(user, w, false);
      }

      @Override
      public void close() {
        z.close();
      }
    };
  }

  /**
   * Chooses each component's listed values alone on validation, then the weights ({@link BlendWeightSearch}),
   * with every component's z-scores computed once per validation user.
   */
  @Override
  public Tuned tune(TrainingData data, ToDoubleFunction<FittedRecommender> validationScore) {
    List<List<NestedRecommenders.Candidate>> chosen = new ArrayList<>();
    List<FittedRecommender> fitted = new ArrayList<>();
    ZScores z = new ZScores(fitted, readsVectors(), data);
    try {
      for (List<NestedRecommenders.Candidate> candidates : components) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.size() && candidates.size() > 1; c++) {
          try (FittedRecommender f = candidates.get(c).recommender().fit(data)) {
            double s = validationScore.applyAsDouble(f);
            if (s > bestScore) {
              bestScore = s;
              best = c;
            }
          }
        }
        chosen.add(List.of(candidates.get(best)));
        fitted.add(candidates.get(best).recommender().fit(data));
      }
      double[] w = BlendWeightSearch.search(fitted.size(), weights -> validationScore.applyAsDouble(new FittedRecommender() {
        @Override
        public boolean covers(int user) {
          return z.covers(user, weights);
        }

        @Override
        public double[] scores(int user) {
          return z.blend(user, weights, true);
        }
      }));
      List<Double> fittedWeights = Arrays.stream(w).boxed().toList();
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("components", chosen.stream().map(c -> c.get(0).description()).toList());
      values.put("weights", fittedWeights);
      return new Tuned(new LearnedHybridRecommender(lambda, contentWeight, chosen, fittedWeights), values);
    } finally {
      z.close();
    }
  }

  /** Per component, whether it reads item vectors (its z-scores then skip items without content). */
  private boolean[] readsVectors() {
    boolean[] out = new boolean[components.size()];
    for (int j = 0; j < out.length; j++) out[j] = components.get(j).get(0).recommender().needsItemVectors();
    return out;
  }

  /** The fitted components' per-user z-scores (a null component is left out), kept per user for repeated blends if asked. */
  private static final class ZScores {
    private final List<FittedRecommender> fitted;
    private final boolean[] readsVectors;
    private final TrainingData data;
    private final BitSet[] seen;
    private final Map<Integer, double[][]> kept = new HashMap<>();

    ZScores(List<FittedRecommender> fitted, boolean[] readsVectors, TrainingData data) {
      this.fitted = fitted;
      this.readsVectors = readsVectors;
      this.data = data;
      this.seen = data.seenItems();
    }

    boolean covers(int user, double[] w) {
      for (int j = 0; j < w.length; j++) if (w[j] != 0 && fitted.get(j).covers(user)) return true;
      return false;
    }

    double[] blend(int user, double[] w, boolean keep) {
      double[][] z = keep ? kept.computeIfAbsent(user, this::all) : null;
      double[] out = new double[data.train().numItems()];
      for (int j = 0; j < w.length; j++) {
        if (w[j] == 0) continue;
        double[] zj = keep ? z[j] : one(j, user);
        if (zj == null) continue;
        for (int i = 0; i < out.length; i++) out[i] += w[j] * zj[i];
      }
      return out;
    }

    private double[][] all(int user) {
      double[][] z = new double[fitted.size()][];
      for (int j = 0; j < z.length; j++) z[j] = one(j, user);
      return z;
    }

    /** Component j's z-scores for the user, or null when it does not cover them. */
    private double[] one(int j, int user) {
      FittedRecommender f = fitted.get(j);
      if (f == null || !f.covers(user)) return null;
      return zScores(f.scores(user), seen[user], readsVectors[j] ? data : null);
    }

    void close() {
      for (FittedRecommender f : fitted) if (f != null) f.close();
    }
  }

  /** The EASE + content form. */
  private FittedRecommender fitEaseAndContent(TrainingData data) {
    FittedRecommender ease = new EaseRecommender(lambda, "cpu").fit(data);
    FittedRecommender content = new ContentKnnRecommender().fit(data);
    BitSet[] seen = data.seenItems();
    return new FittedRecommender() {
      @Override
      public double[] scores(int user) {
        double[] blend = zScores(ease.scores(user), seen[user], null);
        if (contentWeight == 0 || !content.covers(user)) return blend;
        double[] c = zScores(content.scores(user), seen[user], data);
        for (int i = 0; i < blend.length; i++) blend[i] += contentWeight * c[i];
        return blend;
      }

      @Override
      public void close() {
        ease.close();
        content.close();
      }
    };
  }

  /**
   * Per-user z-scores over the unseen items (those with content, when {@code contentOf} is given);
   * every other item gets 0. A constant score vector gives all zeros.
   */
  static double[] zScores(double[] s, BitSet seen, TrainingData contentOf) {
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (seen.get(i) || contentOf != null && !contentOf.hasContent(i)) continue;
      sum += s[i];
      n++;
    }
    double[] z = new double[s.length];
    if (n == 0) return z;
    double mean = sum / n;
    for (int i = 0; i < s.length; i++) {
      if (seen.get(i) || contentOf != null && !contentOf.hasContent(i)) continue;
      sq += (s[i] - mean) * (s[i] - mean);
    }
    double sd = Math.sqrt(sq / n);
    if (sd == 0) return z;
    for (int i = 0; i < s.length; i++) {
      if (seen.get(i) || contentOf != null && !contentOf.hasContent(i)) continue;
      z[i] = (s[i] - mean) / sd;
    }
    return z;
  }
}
