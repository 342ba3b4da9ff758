package org.interestlab.profile;

import static org.interestlab.params.ParamSpec.real;

import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * A user is the weighted mean of the vectors of the items they interacted with in training,
 * L2-normalised (so cosine and euclidean geometry agree up to scale).
 *
 * <p>With {@code halfLifeDays = 0} every interaction weighs the same ({@code kind: mean}); with a
 * half-life {@code h}, an interaction {@code Δ} days older than the user's latest one weighs
 * {@code 2^(−Δ/h)} ({@code kind: recency-mean}), so recent interests dominate.
 *
 * <p>Cost: {@code O(|train| · d)}.
 *
 * @param halfLifeDays 0 for the plain mean, else the half-life in days (&gt; 0)
 */
public record MeanItemProfiler(double halfLifeDays) implements UserProfiler {
  /** The parameters of {@code kind: recency-mean}, with their ranges and defaults ({@code kind: mean} has none). */
  public static final ParamList RECENCY_PARAMS = ParamList.of(real("half_life_days", 90.0, 0, 1e6, true, "half-life in days"));

  /** The config's {@code profile: { kind: mean }}. */
  public static final ComponentSpec<MeanItemProfiler> MEAN_SPEC =
      new ComponentSpec<>("mean", "mean of the vectors of the user's training items", ParamList.none(), (p, seed) -> plain());

  /** The config's {@code profile: { kind: recency-mean }}. */
  public static final ComponentSpec<MeanItemProfiler> RECENCY_SPEC = new ComponentSpec<>("recency-mean",
      "mean of item vectors, weighted 2^(-age/half-life) from the user's latest event", RECENCY_PARAMS, (p, seed) -> recency(p));

  /** 0 is the plain mean; any other half-life must be one {@code recency-mean} allows. */
  public MeanItemProfiler {
    if (halfLifeDays != 0) RECENCY_PARAMS.check("half_life_days", halfLifeDays);
  }

  /** Every interaction weighs the same ({@code kind: mean}). */
  public static MeanItemProfiler plain() {
    return new MeanItemProfiler(0);
  }

  /** The config's default half-life, 90 days ({@code kind: recency-mean}). */
  public static MeanItemProfiler recency() {
    return recency(RECENCY_PARAMS.defaults());
  }

  private static MeanItemProfiler recency(Params p) {
    return new MeanItemProfiler(p.getDouble("half_life_days"));
  }

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public FittedProfiler fit(Dataset train, FittedEncoder encoder, Embeddings itemVectors) {
    requireItemVectors(train, itemVectors);
    return history -> profile(history, itemVectors);
  }

  static void requireItemVectors(Dataset train, Embeddings itemVectors) {
    if (itemVectors == null) throw new IllegalArgumentException("item-vector profiles need item vectors");
    if (itemVectors.rows() != train.numItems()) {
      throw new IllegalArgumentException("item vectors have " + itemVectors.rows() + " rows for " + train.numItems() + " items");
    }
  }

  UserProfiles profile(Dataset train, Embeddings itemVectors) {
    requireItemVectors(train, itemVectors);
    int d = itemVectors.dim();
    List<List<Interaction>> history = UserHistory.byUser(train, false);
    float[] out = new float[train.numUsers() * d];
    boolean[] present = new boolean[train.numUsers()];
    double[] acc = new double[d];
    for (int u = 0; u < train.numUsers(); u++) {
      List<Interaction> events = history.get(u);
      if (events.isEmpty()) continue;
      java.util.Arrays.fill(acc, 0);
      long latest = events.get(events.size() - 1).timestamp();
      for (Interaction e : events) {
        double w = halfLifeDays == 0 ? 1.0 : Math.pow(2, -((latest - e.timestamp()) / 86400.0) / halfLifeDays);
        int base = e.item() * d;
        for (int j = 0; j < d; j++) acc[j] += w * itemVectors.data()[base + j];
      }
      double norm = 0;
      for (double v : acc) norm += v * v;
      norm = Math.sqrt(norm);
      present[u] = true;
      for (int j = 0; j < d; j++) out[u * d + j] = norm > 0 ? (float) (acc[j] / norm) : 0f;
    }
    return new UserProfiles(new Embeddings(train.numUsers(), d, out), present);
  }
}
