package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.real;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
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
 * number of users, exact in float32); the inverse is a <b>float32</b> solve ({@code inverse}) on
 * DJL's PyTorch engine; B is held in Java memory as float32 and scores are accumulated in double.
 * Against a float64 solve of the same matrix the largest entry difference of B is about 1e-6 of
 * B's largest entry on ml-latest-small, and the top-10 lists agree ({@code EaseRecommenderTest},
 * {@code jmh/compare/ease_compare.sh}); float32 was chosen because it halves the solve's time and
 * memory at no measurable cost to the rankings.
 *
 * <p>Cost: {@code O(Σ_u |h_u|² + n_items³)} time to fit (counting, then the inverse), memory
 * {@code O(n_items²)} (the n × n Gram matrix in Java and on the engine during the solve, then B, 4
 * bytes an entry: 380 MB for ml-latest-small's 9,724 items); scoring a user is
 * {@code O(|h_u| · n_items)}. At most 46,340 items (an n² array in Java).
 *
 * <pre>{@code
 * try (FittedRecommender model = new EaseRecommender(100, "cpu").fit(TrainingData.of(train))) {
 *   double[][] scores = model.scores(new int[] {0, 1, 2});   // one row of n_items scores per user
 * }
 * }</pre>
 *
 * @param lambda L2 penalty on B (default 100, &gt; 0; the paper tunes it from 10 to a few thousand on
 *     validation data: larger for larger, denser data)
 * @param device {@code auto | cpu | gpu} for the solve (default {@code auto}: a GPU when the engine
 *     sees one; {@code gpu} where none exists is a user error)
 */
public record EaseRecommender(double lambda, String device) implements Recommender {
  static final String KIND = "ease";
  /** Largest catalogue for which n² fits in one Java array. */
  static final int MAX_ITEMS = 46_340;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("lambda", 100.0, 0, 1e9, true, "L2 penalty on the item-item weights"),
      choice("device", "auto", List.of("auto", "cpu", "gpu"), "where the inverse is computed"));

  /** The config's {@code recommenders: [{ kind: ease }]}. */
  public static final ComponentSpec<EaseRecommender> SPEC = new ComponentSpec<>(KIND,
      "EASE, closed-form item-item autoencoder (Steck 2019)", PARAMS,
      (p, seed) -> new EaseRecommender(p.getDouble("lambda"), p.getString("device")));

  /** A null {@code device} takes its declared default. */
  public EaseRecommender {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("lambda", lambda);
    PARAMS.check("device", device);
  }

  /** The config's default: λ = 100, device auto. */
  public static EaseRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int items = data.train().numItems();
    if (items > MAX_ITEMS) {
      throw new UserException("recommenders.ease: " + items + " items — EASE solves a dense n × n system, at most "
          + MAX_ITEMS + " items; filter the catalogue (k_core) or use item-knn");
    }
    int[][] history = histories(data.seenItems());
    float[] weights = solve(gram(history, items), items);
    return new Fitted(weights, items, history);
  }

  /** XᵀX + λI, row-major: co-occurrence counts, exact in float32 below 2²⁴ users. */
  private float[] gram(int[][] history, int items) {
    float[] g = new float[items * items];
    for (int[] h : history) {
      for (int i : h) {
        int row = i * items;
        for (int j : h) g[row + j]++;
      }
    }
    for (int i = 0; i < items; i++) g[i * items + i] += (float) lambda;
    return g;
  }

  /** B from the regularised Gram matrix, solved on the engine; the diagonal is exactly zero. */
  private float[] solve(float[] gram, int items) {
    float[] b;
    try (NDManager manager = Engines.newManager(Device.resolve(device, "recommenders.ease.device"))) {
      NDArray p = manager.create(gram, new Shape(items, items)).inverse();
      // B_ij = −P_ij / P_jj: the diagonal broadcasts along rows, dividing column j by P_jj.
      b = p.div(p.diagonal().neg()).toFloatArray();
    }
    for (int i = 0; i < items; i++) b[i * items + i] = 0f;
    return b;
  }

  private static int[][] histories(BitSet[] seen) {
    int[][] out = new int[seen.length][];
    for (int u = 0; u < seen.length; u++) out[u] = seen[u].stream().toArray();
    return out;
  }

  /**
   * The fitted weights, held in Java memory (nothing native outlives {@link #fit}). A batch of users
   * is the sparse product {@code X_batch · B}, one user per task on the common pool: each row is the
   * same fixed-order sum as the single-user form, so batch and single scores are identical.
   */
  static final class Fitted implements FittedRecommender {
    private final float[] weights;
    private final int items;
    private final int[][] history;

    Fitted(float[] weights, int items, int[][] history) {
      this.weights = weights;
      this.items = items;
      this.history = history;
    }

    /** B's entry from item {@code from} to item {@code to}. */
    double weight(int from, int to) {
      return weights[from * items + to];
    }

    @Override
    public double[] scores(int user) {
      double[] s = new double[items];
      for (int j : history[user]) {
        int row = j * items;
        for (int i = 0; i < items; i++) s[i] += weights[row + i];
      }
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
