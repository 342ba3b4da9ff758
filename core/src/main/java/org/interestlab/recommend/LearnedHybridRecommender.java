package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Collaborative filtering and language-model content blended per user: for every user, the EASE scores
 * and the content-knn scores (cosine of the user's profile and each item's vector) are each turned into
 * z-scores over the items the user has not seen in training, and the blend is
 * {@code z_ease + content_weight · z_content}. List {@code content_weight} (and {@code lambda}) in the
 * config and the run fits them on the validation split ({@code validation:}), with item vectors and
 * profiles rebuilt without the validation reviews; {@code content_weight: 0} is plain EASE, so the blend
 * can only be chosen when validation says content helps.
 *
 * <p>Why z-scores: the two models' scores live on unrelated scales (EASE's regression weights, cosines
 * in [−1, 1]); standardising each per user makes one weight mean the same for every user. An item
 * without a content vector (no text, no training review) gets content z-score 0 — content says
 * nothing about it — and a user without a profile is ranked by EASE alone.
 *
 * <p>Cost: EASE's fit ({@code O(n_items³)}) plus {@code O(n_items · d)} per user.
 *
 * <pre>{@code
 * recommenders:
 *   - { kind: learned-hybrid, lambda: [25, 100], content_weight: [0, 0.25, 0.5, 1, 2] }
 * }</pre>
 *
 * @param lambda EASE's L2 penalty (default 100, &gt; 0)
 * @param contentWeight weight of the content z-scores (default 1, ≥ 0)
 */
public record LearnedHybridRecommender(double lambda, double contentWeight) implements Recommender {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("lambda", 100.0, 0, 1e9, true, "EASE's L2 penalty on the item-item weights"),
      real("content_weight", 1.0, 0, 1e6, false, "weight of the per-user content z-scores beside EASE's"));

  /** The config's {@code recommenders: [{ kind: learned-hybrid }]}. */
  public static final ComponentSpec<LearnedHybridRecommender> SPEC = new ComponentSpec<>("learned-hybrid",
      "EASE and content-knn per-user z-scores blended with a weight chosen on validation", PARAMS,
      (p, seed) -> new LearnedHybridRecommender(p.getDouble("lambda"), p.getDouble("content_weight")));

  public LearnedHybridRecommender {
    PARAMS.check("lambda", lambda);
    PARAMS.check("content_weight", contentWeight);
  }

  /** The config's defaults: λ = 100, content weight 1. */
  public static LearnedHybridRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
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
