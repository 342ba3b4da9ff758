package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Bayesian personalised ranking with matrix factorisation (Rendle, Freudenthaler, Gantner &amp;
 * Schmidt-Thieme, "BPR: Bayesian Personalized Ranking from Implicit Feedback", UAI 2009). The score
 * is {@code x_ui = b_i + w_u · h_i} ({@code b_i} only with {@code item_bias}); LearnBPR maximises
 * {@code Σ ln σ(x_ui − x_uj) − λ ‖Θ‖²} over triples where {@code u} interacted with {@code i} but not
 * with {@code j}, by stochastic gradient ascent: each step draws a training pair {@code (u, i)}
 * uniformly with replacement and a negative {@code j} uniformly from the items {@code u} did not
 * interact with (rejection sampling), then with {@code g = σ(−(x_ui − x_uj))} moves
 * <pre>
 *   w_u += η (g (h_i − h_j) − λ w_u)
 *   h_i += η (g w_u − λ h_i),      b_i += η (g − λ b_i)
 *   h_j += η (−g w_u − λ h_j),     b_j += η (−g − λ b_j)
 * </pre>
 * (item updates use {@code w_u} from before the step). An epoch is as many steps as there are
 * distinct training pairs. Interactions are binary: ratings and repeats are ignored.
 *
 * <p>Steps run one after another on one thread, in the order the component seed draws them, so the
 * same seed gives the same factors bit for bit (parallel "Hogwild" updates would not). Plain Java
 * loops: one step touches three vectors of {@code f} numbers, far below what a tensor engine's
 * per-call overhead pays off for; measured on ml-latest-small's training part (64 factors, 2 cores,
 * {@code jmh/compare/bpr_engine_compare.sh}) an epoch took 0.024 s here against 0.5–1.6 s as
 * mini-batch SGD on DJL's PyTorch engine (batches of 1,024 to one per epoch). Cost: {@code O(epochs · |R| · f)} time (plus the rejection
 * sampling, {@code 1 / (1 − density)} draws per step); memory {@code (users + items) · f} doubles
 * and the pairs. Initial factors are Gaussian with standard deviation 0.1, biases 0.
 *
 * <pre>{@code
 * FittedRecommender m = new BprRecommender(64, 0.05, 0.01, 50, true, 42L).fit(data);
 * }</pre>
 *
 * @param factors latent dimension {@code f} (default 64)
 * @param learningRate SGD step {@code η} (default 0.05)
 * @param regularization L2 penalty {@code λ} on every updated parameter (default 0.01)
 * @param epochs passes of {@code |R|} steps (default 50)
 * @param itemBias whether items have a learned bias {@code b_i} (default true)
 * @param seed seeds the initial factors and the sampled triples
 */
public record BprRecommender(int factors, double learningRate, double regularization, int epochs, boolean itemBias, long seed)
    implements Recommender {
  /** Standard deviation of the initial factors. */
  static final double INIT_STD = 0.1;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("factors", 64, 1, 4096, "latent dimension"),
      real("learning_rate", 0.05, 0, 10, true, "SGD step size"),
      real("regularization", 0.01, 0, 1e3, false, "L2 penalty on the user, positive and negative item parameters of a step"),
      integer("epochs", 50, 1, 100_000, "passes of one step per training pair"),
      bool("item_bias", true, "learn a bias per item"));

  /** The config's {@code recommenders: [{ kind: bpr }]}. */
  public static final ComponentSpec<BprRecommender> SPEC = new ComponentSpec<>("bpr",
      "BPR matrix factorisation, SGD with uniform negatives (Rendle et al. 2009)", PARAMS,
      (p, seed) -> new BprRecommender(p.getInt("factors"), p.getDouble("learning_rate"), p.getDouble("regularization"),
          p.getInt("epochs"), p.getBool("item_bias"), seed));

  public BprRecommender {
    PARAMS.check("factors", factors);
    PARAMS.check("learning_rate", learningRate);
    PARAMS.check("regularization", regularization);
    PARAMS.check("epochs", epochs);
  }

  /** The config's defaults: 64 factors, learning rate 0.05, λ = 0.01, 50 epochs, item biases. */
  public static BprRecommender defaults(long seed) {
    return new BprRecommender(64, 0.05, 0.01, 50, true, seed);
  }

  @Override
  public LatentFactorModel fit(TrainingData data) {
    int users = data.train().numUsers();
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    int pairs = 0;
    BitSet covered = new BitSet(users);
    for (int u = 0; u < users; u++) {
      pairs += seen[u].cardinality();
      // A user who saw every item has no negative to sample: left out of training and of coverage.
      if (!seen[u].isEmpty() && seen[u].cardinality() < items) covered.set(u);
    }
    int[] pairUser = new int[pairs];
    int[] pairItem = new int[pairs];
    int n = 0;
    for (int u = covered.nextSetBit(0); u >= 0; u = covered.nextSetBit(u + 1)) {
      for (int i = seen[u].nextSetBit(0); i >= 0; i = seen[u].nextSetBit(i + 1)) {
        pairUser[n] = u;
        pairItem[n++] = i;
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int f = factors;
    double[] w = gaussian(rng, users * f);
    double[] h = gaussian(rng, items * f);
    double[] b = itemBias ? new double[items] : null;
    double[] wu = new double[f];
    long steps = (long) epochs * pairs;
    double eta = learningRate;
    double lambda = regularization;
    for (long s = 0; s < steps && n > 0; s++) {
      int pair = rng.nextInt(n);
      int u = pairUser[pair];
      int i = pairItem[pair];
      int j;
      do {
        j = rng.nextInt(items);
      } while (seen[u].get(j));
      step(w, u * f, h, i, j, b, f, eta, lambda, wu);
    }
    return new LatentFactorModel(f, w, h, b, covered);
  }

  /**
   * One LearnBPR step for the triple {@code (u, i, j)}, in place: {@code w} holds the user's factors
   * from {@code uo}, {@code h} the items' rows of {@code f} numbers, {@code b} the item biases (or
   * null); {@code scratch} (length {@code f}) keeps {@code w_u} from before the step.
   */
  static void step(double[] w, int uo, double[] h, int i, int j, double[] b, int f, double eta, double lambda, double[] scratch) {
    int io = i * f;
    int jo = j * f;
    double x = 0;
    for (int d = 0; d < f; d++) x += w[uo + d] * (h[io + d] - h[jo + d]);
    if (b != null) x += b[i] - b[j];
    double g = 1 / (1 + Math.exp(x));
    System.arraycopy(w, uo, scratch, 0, f);
    for (int d = 0; d < f; d++) {
      double hi = h[io + d];
      double hj = h[jo + d];
      w[uo + d] += eta * (g * (hi - hj) - lambda * scratch[d]);
      h[io + d] += eta * (g * scratch[d] - lambda * hi);
      h[jo + d] += eta * (-g * scratch[d] - lambda * hj);
    }
    if (b != null) {
      b[i] += eta * (g - lambda * b[i]);
      b[j] += eta * (-g - lambda * b[j]);
    }
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) out[k] = INIT_STD * rng.nextGaussian();
    return out;
  }
}
