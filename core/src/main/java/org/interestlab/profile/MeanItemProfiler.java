package org.interestlab.profile;

import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;

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
  public MeanItemProfiler {
    if (!(halfLifeDays >= 0)) throw new IllegalArgumentException("half_life_days must be ≥ 0, got " + halfLifeDays);
  }

  public static MeanItemProfiler plain() {
    return new MeanItemProfiler(0);
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
