package org.interestlab.profile;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.KMeans;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Several interest vectors per user: the vectors of the items a user interacted with in training
 * are clustered with k-means into {@code min(maxInterests, ⌊n_u / itemsPerInterest⌋)} groups (at
 * least one); each group's L2-normalised centroid is one interest. The user's single vector (used
 * for clustering users) is the normalised mean of all their items, as {@link MeanItemProfiler}.
 * Recommenders that understand interests (content-knn) score an item by its best-matching
 * interest, so a user who likes both cooking and travel is not pushed towards "cooking travel".
 *
 * <p>Cost: one small k-means per user, {@code O(n_u · d · m · iterations)}. Each user's k-means
 * seed is derived from {@code seed} and the user's index, so results do not depend on order.
 *
 * @param maxInterests most interests per user (default 3, ≥ 1)
 * @param itemsPerInterest items needed per interest (default 5, ≥ 1): a user with 12 items gets 2
 * @param seed random seed
 */
public record MultiInterestProfiler(int maxInterests, int itemsPerInterest, long seed) implements UserProfiler {
  private static final int ITERATIONS = 30;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("max_interests", 3, 1, 100, "most interests per user"),
      integer("items_per_interest", 5, 1, 10_000, "items needed per interest"));

  /** The config's {@code profile: { kind: multi-interest }}. */
  public static final ComponentSpec<MultiInterestProfiler> SPEC = new ComponentSpec<>("multi-interest",
      "up to max_interests vectors per user, by k-means over the user's item vectors", PARAMS,
      (p, seed) -> new MultiInterestProfiler(p.getInt("max_interests"), p.getInt("items_per_interest"), seed));

  public MultiInterestProfiler {
    PARAMS.check("max_interests", maxInterests);
    PARAMS.check("items_per_interest", itemsPerInterest);
  }

  /** The config's defaults (3 interests, 5 items each) with the given seed. */
  public static MultiInterestProfiler defaults(long seed) {
    return SPEC.createDefault(seed);
  }

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public FittedProfiler fit(Dataset train, FittedEncoder encoder, Embeddings itemVectors) {
    MeanItemProfiler.requireItemVectors(train, itemVectors);
    return history -> profile(history, itemVectors);
  }

  private UserProfiles profile(Dataset train, Embeddings itemVectors) {
    UserProfiles mean = MeanItemProfiler.plain().profile(train, itemVectors);
    int d = itemVectors.dim();
    List<List<Integer>> items = new ArrayList<>();
    for (int u = 0; u < train.numUsers(); u++) items.add(new ArrayList<>());
    for (Interaction i : train.interactions()) items.get(i.user()).add(i.item());
    List<Embeddings> interests = new ArrayList<>();
    int[] offsets = new int[train.numUsers() + 1];
    int total = 0;
    for (int u = 0; u < train.numUsers(); u++) {
      offsets[u] = total;
      List<Integer> own = items.get(u);
      if (own.isEmpty()) continue;
      Embeddings points = itemVectors.select(own.stream().mapToInt(Integer::intValue).toArray());
      int k = Math.max(1, Math.min(maxInterests, own.size() / itemsPerInterest));
      Embeddings centres = interests(points, mean.vectors().row(u), k, seed, u);
      interests.add(centres);
      total += centres.rows();
    }
    offsets[train.numUsers()] = total;
    return new UserProfiles(mean.vectors(), mean.present(), Embeddings.concat(interests.isEmpty() ? List.of(Embeddings.zeros(0, d)) : interests), offsets);
  }

  /**
   * {@code k} interests of one user: the L2-normalised k-means centroids of {@code points} (the
   * user's single vector {@code mean} when {@code k = 1}); the k-means seed mixes {@code seed} with
   * the user's index, so results do not depend on the order users are processed in.
   */
  static Embeddings interests(Embeddings points, float[] mean, int k, long seed, int user) {
    if (k == 1) return new Embeddings(1, mean.length, mean);
    Clustering c = new KMeans(k, KMeans.Init.K_MEANS_PLUS_PLUS, 1, ITERATIONS, 1e-6, seed ^ (0x9E3779B97F4A7C15L * (user + 1)), "cpu").fit(points);
    return nonEmpty(c).l2Normalized();
  }

  /** Centroids of the clusters that kept members (duplicate item vectors can leave some empty). */
  private static Embeddings nonEmpty(Clustering c) {
    int[] sizes = c.sizes();
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) if (sizes[i] > 0) keep.add(i);
    return c.centroids().select(keep.stream().mapToInt(Integer::intValue).toArray());
  }
}
