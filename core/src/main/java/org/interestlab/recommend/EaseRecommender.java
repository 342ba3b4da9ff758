package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.real;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.Engines;
import org.interestlab.compute.SpdInverse;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * EASE, the embarrassingly shallow autoencoder (Steck, "Embarrassingly Shallow Autoencoders for
 * Sparse Data", WWW 2019): an item–item weight matrix B with a zero diagonal that best rebuilds the
 * binary user × item training matrix X under an L2 penalty λ, in closed form:
 * {@code P = (XᵀX + λI)⁻¹}, {@code B = I − P · diag(1 / diag(P))}, i.e. {@code B_ij = −P_ij / P_jj}
 * off the diagonal and {@code B_jj = 0}. A user's scores are {@code X_u · B}: the sum of the rows of B
 * of the items in their training history.
 *
 * <p>Precision: the Gram matrix {@code XᵀX} is counted exactly in Java (integer counts up to the
 * number of users, exact in float32); the inverse is a <b>float32</b> solve on DJL's PyTorch engine
 * ({@link SpdInverse}: recursive block elimination, 4/3·n³ operations in matrix products, against
 * 8/3·n³ for the engine's LU {@code inverse}); B is held in Java memory as float32 and a user's scores
 * are summed in double. Float32 was chosen by measurement on ml-latest-small (8,777 items with
 * training interactions, λ = 100, 2 busy cores): float64 took about twice as long (46 s against 22 s),
 * while the largest difference between the float32 and float64 B was 1.9e-6 (1.4e-5 of B's largest
 * entry). {@code EaseRecommenderTest} checks the float32 solve against numpy's float64 on a long-tailed
 * 250 × 80 matrix (below 1e-5 of B's largest entry, the same top-10 lists), and
 * {@code jmh/compare/ease_compare.sh} on ml-latest-small (scores and top-10 lists against numpy float64).
 *
 * <p>Items without training interactions have a zero row and column in B (their Gram row is λ·e_i),
 * so they are left out of the solve and score 0. With n the items that have training interactions,
 * the cost to fit is {@code O(Σ_u |h_u|² + n³)} time (counting, then the inverse) and {@code O(n²)}
 * memory (the n × n Gram matrix in Java and on the engine during the solve, then B, 4 bytes an
 * entry: about 320 MB on ml-latest-small); scoring a user is {@code O(|h_u| · n)}. At most 46,340
 * such items (n² in one Java array).
 *
 * <pre>{@code
 * try (FittedRecommender model = new EaseRecommender(100, "cpu").fit(TrainingData.of(train))) {
 *   double[][] scores = model.scores(new int[] {0, 1, 2});   // one row of n_items scores per user
 * }
 * }</pre>
 *
 * <p><b>Text as side information</b> ({@code text_weight} α &gt; 0): the Gram matrix becomes
 * {@code XᵀX + α·F·Fᵀ + λI}, F the items' content vectors scaled to unit length (review-built item
 * documents, say; an item without content has a zero row): as if every dimension of the text
 * embedding were one more "user" who consumed each item in proportion to its vector, so items that
 * read alike are tied together even where few users share them. This is the collective EASE of
 * Jeunen, Van Balen and Goethals ("Closed-Form Models for Collaborative Filtering with
 * Side-Information", RecSys 2020) with dense text features; α = 0 (the default) is plain EASE, bit
 * for bit. Adding α·F·Fᵀ costs {@code O(n² · d)} for d-dimensional vectors.
 *
 * <p><b>The users' own text as extra columns</b> (kind {@code ease-user-text}, {@code user_text_weight} β, default 1): X is widened to
 * {@code [X | β·V]}, V each user's profile vector scaled to unit length (the mean of the vectors of their own
 * training reviews, say; a user without a profile has a zero row), and EASE is solved over the n + d columns;
 * a user's item scores are {@code [X_u | β·V_u] · B[:, items]}. Each item is then also rebuilt from what the user
 * wrote, not only from what they bought — the feature-augmented closed form of Jeunen et al. (RecSys 2020, user
 * side information as extra input columns) with dense review embeddings. β = 0 is plain EASE (bit for bit), so a
 * grid that lists it lets validation turn the users' text down. Cost: the solve grows to {@code (n + d)³}; the users' columns add {@code O(Σ_u |h_u| · d + n_users · d²)}.
 *
 * @param lambda L2 penalty on B (default 100, &gt; 0; the paper tunes it from 10 to a few thousand on
 *     validation data: larger for larger, denser data)
 * @param textWeight α, the weight of the items' text similarity in the Gram matrix (default 0: none)
 * @param userTextWeight β, the scale of the users' profile vectors appended to X as columns (default 0: none)
 * @param device {@code auto | cpu | gpu} for the solve (default {@code auto}: a GPU when the engine
 *     sees one; {@code gpu} where none exists is a user error)
 */
public record EaseRecommender(double lambda, double textWeight, double userTextWeight, String device) implements Recommender {
  static final String KIND = "ease";
  /** Largest catalogue for which n² fits in one Java array. */
  static final int MAX_ITEMS = 46_340;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("lambda", 100.0, 0, 1e9, true, "L2 penalty on the item-item weights"),
      real("text_weight", 0.0, 0, 1e9, false, "weight of the items' text similarity added to the Gram matrix (0: plain EASE)"),
      choice("device", "auto", List.of("auto", "cpu", "gpu"), "where the inverse is computed"));

  /** The parameters of {@code ease-user-text}: EASE's and β (a kind of its own, so plain {@code ease} sections keep their keys). */
  public static final ParamList USER_TEXT_PARAMS = PARAMS.and(
      real("user_text_weight", 1.0, 0, 1e6, false, "scale of the users' own review vectors appended to X as extra columns (0: none)"));

  /** The config's {@code recommenders: [{ kind: ease }]}. */
  public static final ComponentSpec<EaseRecommender> SPEC = new ComponentSpec<>(KIND,
      "EASE, closed-form item-item autoencoder (Steck 2019)", PARAMS,
      (p, seed) -> new EaseRecommender(p.getDouble("lambda"), p.getDouble("text_weight"), p.getString("device")));

  /** The config's {@code recommenders: [{ kind: ease-user-text }]}: EASE over {@code [X | β·V]}, the users' own text as extra columns. */
  public static final ComponentSpec<EaseRecommender> USER_TEXT_SPEC = new ComponentSpec<>("ease-user-text",
      "EASE with the users' own review vectors as extra columns of X (and optionally the items' text)", USER_TEXT_PARAMS,
      (p, seed) -> new EaseRecommender(p.getDouble("lambda"), p.getDouble("text_weight"), p.getDouble("user_text_weight"),
          p.getString("device")));

  /** A null {@code device} takes its declared default. */
  public EaseRecommender {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("lambda", lambda);
    PARAMS.check("text_weight", textWeight);
    USER_TEXT_PARAMS.check("user_text_weight", userTextWeight);
    PARAMS.check("device", device);
  }

  /** With the items' text only. */
  public EaseRecommender(double lambda, double textWeight, String device) {
    this(lambda, textWeight, 0, device);
  }

  /** Plain EASE (no text). */
  public EaseRecommender(double lambda, String device) {
    this(lambda, 0, 0, device);
  }

  /**
   * With text as side information, EASE reads the items' content vectors; with the users' text, their profiles
   * (which the run builds, and rebuilds without the validation reviews, for readers of item vectors).
   */
  @Override
  public boolean needsItemVectors() {
    return textWeight > 0 || userTextWeight > 0;
  }

  /** The config's default: λ = 100, device auto. */
  public static EaseRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    // Items nobody interacted with in training have a Gram row λ·e_i, so their rows and columns of B are
    // exactly zero: they are left out of the solve (cubic in the items kept) and score 0.
    BitSet inTraining = new BitSet(items);
    for (BitSet h : seen) inTraining.or(h);
    int[] active = inTraining.stream().toArray();
    if (active.length > MAX_ITEMS) {
      throw new UserException("recommenders.ease: " + active.length + " items with training interactions — EASE solves a dense"
          + " n × n system, at most " + MAX_ITEMS + " items; filter the catalogue (k_core) or use item-knn");
    }
    int[] compact = new int[items];
    Arrays.fill(compact, -1);
    for (int c = 0; c < active.length; c++) compact[active[c]] = c;
    int[][] history = new int[seen.length][];
    for (int u = 0; u < seen.length; u++) history[u] = seen[u].stream().map(i -> compact[i]).toArray();
    if (userTextWeight > 0) return fitWithUserText(data, active, history);
    float[] gram = gram(history, active.length);
    if (textWeight > 0) addTextSimilarity(gram, active, data);
    float[] weights = solve(gram, active.length);
    return new Fitted(weights, active, items, history, null);
  }

  /**
   * EASE over {@code [X | β·V]}: the Gram matrix of the n item columns and d text columns, λ on the whole
   * diagonal, solved as one (n + d)² system; only the weights into the item columns are kept.
   */
  private FittedRecommender fitWithUserText(TrainingData data, int[] active, int[][] history) {
    if (data.profiles() == null) throw new IllegalStateException("ease with user_text_weight > 0 needs user profiles (needsItemVectors)");
    int n = active.length;
    int d = data.profiles().vectors().dim();
    int m = n + d;
    float[][] columns = userColumns(data, history.length);
    double[] g = new double[m * m];
    for (int u = 0; u < history.length; u++) {
      float[] v = columns[u];
      for (int i : history[u]) {
        for (int j : history[u]) g[i * m + j]++;
        for (int k = 0; k < d; k++) g[i * m + n + k] += v[k];
      }
      for (int k = 0; k < d; k++) {
        if (v[k] == 0) continue;
        for (int l = 0; l < d; l++) g[(n + k) * m + n + l] += (double) v[k] * v[l];
      }
    }
    for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) g[(n + k) * m + i] = g[i * m + n + k];
    float[] gram = new float[m * m];
    for (int i = 0; i < gram.length; i++) gram[i] = (float) g[i];
    for (int i = 0; i < m; i++) gram[i * m + i] += (float) lambda;
    if (textWeight > 0) {
      float[] items = new float[n * n];
      addTextSimilarity(items, active, data);
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) gram[i * m + j] += items[i * n + j];
    }
    float[] full = solve(gram, m);
    // Only the weights into the item columns score anything: keep B[:, :n], rows for items then text dimensions.
    float[] weights = new float[m * n];
    for (int r = 0; r < m; r++) System.arraycopy(full, r * m, weights, r * n, n);
    return new Fitted(weights, active, data.train().numItems(), history, columns);
  }

  /** β·V: each user's profile vector at unit length times β (zeros for a user without a profile). */
  private float[][] userColumns(TrainingData data, int users) {
    Embeddings v = data.profiles().vectors();
    float[][] out = new float[users][v.dim()];
    for (int u = 0; u < users; u++) {
      if (!data.profiles().isPresent(u)) continue;
      double norm = 0;
      for (int k = 0; k < v.dim(); k++) norm += (double) v.get(u, k) * v.get(u, k);
      if (norm == 0) continue;
      for (int k = 0; k < v.dim(); k++) out[u][k] = (float) (userTextWeight * v.get(u, k) / Math.sqrt(norm));
    }
    return out;
  }

  /** XᵀX + λI over the kept items, row-major: co-occurrence counts, exact in float32 below 2²⁴ users. */
  private float[] gram(int[][] history, int kept) {
    float[] g = new float[kept * kept];
    for (int[] h : history) {
      for (int i : h) {
        int row = i * kept;
        for (int j : h) g[row + j]++;
      }
    }
    for (int i = 0; i < kept; i++) g[i * kept + i] += (float) lambda;
    return g;
  }

  /** Adds α·f_i·f_j to the Gram entry of every pair of kept items, f the unit-length content vectors (zero without content). */
  private void addTextSimilarity(float[] gram, int[] active, TrainingData data) {
    Embeddings vectors = data.itemVectors();
    if (vectors == null) throw new IllegalStateException("ease with text_weight > 0 needs item vectors (needsItemVectors)");
    int kept = active.length;
    double[][] unit = new double[kept][];
    for (int c = 0; c < kept; c++) {
      double[] f = new double[vectors.dim()];
      if (data.hasContent(active[c])) {
        double norm = 0;
        for (int k = 0; k < f.length; k++) {
          f[k] = vectors.get(active[c], k);
          norm += f[k] * f[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < f.length; k++) f[k] = norm > 0 ? f[k] / norm : 0;
      }
      unit[c] = f;
    }
    IntStream.range(0, kept).parallel().forEach(i -> {
      for (int j = 0; j < kept; j++) {
        double dot = 0;
        for (int k = 0; k < unit[i].length; k++) dot += unit[i][k] * unit[j][k];
        gram[i * kept + j] += (float) (textWeight * dot);
      }
    });
  }

  /** B from the regularised Gram matrix, solved on the engine; the diagonal is exactly zero. */
  private float[] solve(float[] gram, int kept) {
    Device where = Device.resolve(device, "recommenders.ease.device");
    if (kept == 0) return new float[0];
    float[] b;
    try (NDManager manager = Engines.newManager(where)) {
      NDArray p = SpdInverse.of(manager.create(gram, new Shape(kept, kept)));
      // B_ij = −P_ij / P_jj: the diagonal broadcasts along rows, dividing column j by P_jj.
      b = p.div(p.diagonal().neg()).toFloatArray();
    }
    for (int i = 0; i < kept; i++) b[i * kept + i] = 0f;
    return b;
  }

  /**
   * The fitted weights over the items seen in training, held in Java memory (nothing native outlives
   * {@link #fit}). A batch of users is the sparse product {@code X_batch · B}, one user per task on the
   * common pool: each row is the same fixed-order sum as the single-user form, so batch and single
   * scores are identical.
   */
  static final class Fitted implements FittedRecommender {
    private final float[] weights;
    private final int[] active;
    private final int items;
    private final int[][] history;
    /** Per user, the text columns β·V_u appended to X (rows of B after the items'), or null for plain EASE. */
    private final float[][] userColumns;

    Fitted(float[] weights, int[] active, int items, int[][] history, float[][] userColumns) {
      this.weights = weights;
      this.active = active;
      this.items = items;
      this.history = history;
      this.userColumns = userColumns;
    }

    /** B's entry from item {@code from} to item {@code to} (0 where either was not in training). */
    double weight(int from, int to) {
      int f = Arrays.binarySearch(active, from);
      int t = Arrays.binarySearch(active, to);
      return f < 0 || t < 0 ? 0 : weights[f * active.length + t];
    }

    @Override
    public double[] scores(int user) {
      int kept = active.length;
      double[] sum = new double[kept];
      for (int j : history[user]) {
        int row = j * kept;
        for (int c = 0; c < kept; c++) sum[c] += weights[row + c];
      }
      if (userColumns != null) {
        float[] v = userColumns[user];
        for (int k = 0; k < v.length; k++) {
          if (v[k] == 0) continue;
          int row = (kept + k) * kept;
          for (int c = 0; c < kept; c++) sum[c] += v[k] * weights[row + c];
        }
      }
      double[] s = new double[items];
      for (int c = 0; c < kept; c++) s[active[c]] = sum[c];
      return s;
    }

    @Override
    public double[][] scores(int[] users) {
      double[][] out = new double[users.length][];
      IntStream.range(0, users.length).parallel().forEach(r -> out[r] = scores(users[r]));
      return out;
    }
  }
}
