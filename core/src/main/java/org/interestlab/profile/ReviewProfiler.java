package org.interestlab.profile;

import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * A user is what they wrote: each of the user's reviews in the history given (the training part,
 * never validation or test) is embedded once, and the user's profile pools those review vectors.
 *
 * <ul>
 *   <li>{@code kind: review-mean}: the mean of the L2-normalised review vectors;
 *   <li>{@code kind: review-recency}: weighted {@code 2^(−Δ/half_life_days)}, {@code Δ} days before the
 *       user's latest review, so recent interests dominate;
 *   <li>{@code kind: review-multi-interest}: the user's review vectors clustered with k-means into
 *       {@code min(max_interests, ⌊n_reviews / reviews_per_interest⌋)} interests (at least one), as
 *       {@link MultiInterestProfiler} does with item vectors; content-knn scores an item by the interest it
 *       matches best.
 * </ul>
 *
 * <p>A user with events but no review text in the history falls back to the mean of their items'
 * vectors ({@code kind: mean}), so every user with events has a profile; the run stops (exit 2) when
 * most users have no review text, naming {@code profile: mean} instead. All profiles are L2-normalised.
 *
 * <p>Cost: one encoder call over the distinct review texts (each embedded once; through the
 * embedding cache when the encoder has one), then {@code O(|reviews| · d)}; multi-interest adds one
 * small k-means per user.
 *
 * <pre>{@code
 * UserProfiles p = ReviewProfiler.mean().fitTransform(split.train(), encoder, itemVectors);
 * }</pre>
 *
 * @param halfLifeDays 0 for equal weights, else the recency half-life in days
 * @param maxInterests most interests per user (1 = a single vector)
 * @param reviewsPerInterest reviews needed per interest
 * @param seed random seed of the per-user k-means
 */
public record ReviewProfiler(double halfLifeDays, int maxInterests, int reviewsPerInterest, long seed) implements UserProfiler {
  /** Parameters of {@code kind: review-recency}. */
  public static final ParamList RECENCY_PARAMS = ParamList.of(real("half_life_days", 90.0, 0, 1e6, true, "half-life in days"));

  /** Parameters of {@code kind: review-multi-interest}. */
  public static final ParamList INTERESTS_PARAMS = ParamList.of(
      integer("max_interests", 3, 1, 100, "most interests per user"),
      integer("reviews_per_interest", 5, 1, 10_000, "reviews needed per interest"));

  /** The config's {@code profile: { kind: review-mean }}. */
  public static final ComponentSpec<ReviewProfiler> MEAN_SPEC = new ComponentSpec<>("review-mean",
      "mean of the vectors of the user's own training reviews", ParamList.none(), (p, seed) -> mean());

  /** The config's {@code profile: { kind: review-recency }}. */
  public static final ComponentSpec<ReviewProfiler> RECENCY_SPEC = new ComponentSpec<>("review-recency",
      "review vectors weighted 2^(-age/half-life) from the user's latest review", RECENCY_PARAMS, (p, seed) -> recency(p));

  /** The config's {@code profile: { kind: review-multi-interest }}. */
  public static final ComponentSpec<ReviewProfiler> INTERESTS_SPEC = new ComponentSpec<>("review-multi-interest",
      "up to max_interests vectors per user, by k-means over the user's review vectors", INTERESTS_PARAMS,
      ReviewProfiler::interests);

  public ReviewProfiler {
    if (halfLifeDays != 0) RECENCY_PARAMS.check("half_life_days", halfLifeDays);
    INTERESTS_PARAMS.check("max_interests", maxInterests);
    INTERESTS_PARAMS.check("reviews_per_interest", reviewsPerInterest);
  }

  /** {@code kind: review-mean}. */
  public static ReviewProfiler mean() {
    return new ReviewProfiler(0, 1, 1, 0L);
  }

  /** {@code kind: review-recency} with its default half-life, 90 days. */
  public static ReviewProfiler recency() {
    return recency(RECENCY_PARAMS.defaults());
  }

  private static ReviewProfiler recency(Params p) {
    return new ReviewProfiler(p.getDouble("half_life_days"), 1, 1, 0L);
  }

  /** {@code kind: review-multi-interest} with its defaults (3 interests, 5 reviews each). */
  public static ReviewProfiler interests(long seed) {
    return interests(INTERESTS_PARAMS.defaults(), seed);
  }

  private static ReviewProfiler interests(Params p, long seed) {
    return new ReviewProfiler(0, p.getInt("max_interests"), p.getInt("reviews_per_interest"), seed);
  }

  /** Item vectors are the fallback for users who wrote nothing. */
  @Override
  public boolean needsItemVectors() {
    return true;
  }

  /** The training reviews: a TF-IDF vocabulary must include their words. */
  @Override
  public List<String> encoderCorpus(Dataset train) {
    return train.interactions().stream().filter(Interaction::hasText).map(Interaction::text).toList();
  }

  @Override
  public FittedProfiler fit(Dataset train, FittedEncoder encoder, Embeddings itemVectors) {
    if (encoder == null) throw new IllegalArgumentException("review profiles need a fitted encoder");
    MeanItemProfiler.requireItemVectors(train, itemVectors);
    return history -> profile(history, encoder, itemVectors);
  }

  /** How many users with events in {@code history} wrote no review text there. */
  public static int usersWithoutReviews(Dataset history) {
    boolean[] active = new boolean[history.numUsers()];
    boolean[] wrote = new boolean[history.numUsers()];
    for (Interaction e : history.interactions()) {
      active[e.user()] = true;
      if (e.hasText()) wrote[e.user()] = true;
    }
    int n = 0;
    for (int u = 0; u < active.length; u++) if (active[u] && !wrote[u]) n++;
    return n;
  }

  private UserProfiles profile(Dataset history, FittedEncoder encoder, Embeddings itemVectors) {
    UserProfiles fallback = MeanItemProfiler.plain().profile(history, itemVectors);
    List<List<Interaction>> events = UserHistory.byUser(history, false);
    Map<String, Integer> row = new LinkedHashMap<>();
    for (Interaction e : history.interactions()) if (e.hasText()) row.putIfAbsent(e.text(), row.size());
    Embeddings encoded = encoder.encode(new ArrayList<>(row.keySet()));
    int d = encoder.dimension();
    if (d != itemVectors.dim()) throw new IllegalArgumentException("review vectors are " + d + "-d, item vectors " + itemVectors.dim() + "-d");
    float[] out = new float[history.numUsers() * d];
    boolean[] present = fallback.present();
    List<Embeddings> interests = new ArrayList<>();
    int[] offsets = new int[history.numUsers() + 1];
    int total = 0;
    for (int u = 0; u < history.numUsers(); u++) {
      offsets[u] = total;
      List<Interaction> reviews = events.get(u).stream().filter(Interaction::hasText).toList();
      if (reviews.isEmpty()) {
        System.arraycopy(fallback.vectors().data(), u * d, out, u * d, d);
      } else {
        double[] acc = new double[d];
        long latest = reviews.get(reviews.size() - 1).timestamp();
        for (Interaction e : reviews) {
          double w = halfLifeDays == 0 ? 1.0 : Math.pow(2, -((latest - e.timestamp()) / 86400.0) / halfLifeDays);
          UnitMean.addUnit(acc, encoded.data(), row.get(e.text()) * d, w);
        }
        UnitMean.writeUnit(acc, out, u * d);
      }
      if (maxInterests > 1 && present[u]) {
        Embeddings own = reviews.isEmpty()
            ? new Embeddings(1, d, java.util.Arrays.copyOfRange(out, u * d, (u + 1) * d))
            : encoded.select(reviews.stream().mapToInt(e -> row.get(e.text())).toArray()).l2Normalized();
        int k = Math.max(1, Math.min(maxInterests, own.rows() / reviewsPerInterest));
        Embeddings centres = MultiInterestProfiler.interests(own, java.util.Arrays.copyOfRange(out, u * d, (u + 1) * d), k, seed, u);
        interests.add(centres);
        total += centres.rows();
      }
    }
    offsets[history.numUsers()] = total;
    Embeddings vectors = new Embeddings(history.numUsers(), d, out);
    if (maxInterests == 1) return new UserProfiles(vectors, present);
    return new UserProfiles(vectors, present, Embeddings.concat(interests.isEmpty() ? List.of(Embeddings.zeros(0, d)) : interests), offsets);
  }
}
