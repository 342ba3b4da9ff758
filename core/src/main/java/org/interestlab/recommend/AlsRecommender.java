package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Implicit-feedback alternating least squares (Hu, Koren &amp; Volinsky, "Collaborative Filtering for
 * Implicit Feedback Datasets", ICDM 2008). Every user–item pair has a preference {@code p_ui} (1 if
 * the user interacted with the item in training, else 0) and a confidence {@code c_ui = 1 + α·r_ui}
 * with {@code r_ui = 1} for every interacted pair (binary: ratings and repeats are ignored, so a
 * low rating still counts as interest), and the model minimises
 * <pre>  Σ_{u,i} c_ui (p_ui − x_uᵀ y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)</pre>
 * by alternately solving every user's factors with the items' fixed and then every item's with the
 * users' fixed. One row's normal equations are {@code (YᵀY + Yᵀ(C^u − I)Y + λI) x_u = Yᵀ C^u p(u)}:
 * {@code YᵀY} is shared by all rows and {@code C^u − I} is non-zero only on the row's interactions,
 * which is the paper's speed-up.
 *
 * <ul>
 *   <li>{@code solver: cg} (default) — a few conjugate-gradient steps from the previous factors
 *       (Takács, Pilászy &amp; Tikk, "Applications of the conjugate gradient method for implicit
 *       feedback collaborative filtering", RecSys 2011; the default of the {@code implicit} library),
 *       {@code O(cg_steps · (|I_u| f + f²))} per row;</li>
 *   <li>{@code solver: exact} — the normal equations by Cholesky, {@code O(|I_u| f² + f³)} per row.</li>
 * </ul>
 * Both never increase the objective (each row's solve minimises, or decreases, a strictly convex
 * quadratic in that row). Cost per iteration: {@code O(|R| f² + (users + items) f³)} exact, {@code
 * O(cg_steps · (|R| f + (users + items) f²))} CG, plus {@code O((users + items) f²)} for the two Gram
 * matrices; memory {@code (users + items) · f} doubles plus the interactions as index lists.
 * Initial factors are Gaussian with standard deviation 0.01 from the component seed. Rows are solved
 * in parallel, each independently of the others and of the thread count, so the same seed gives the
 * same factors bit for bit. Scores are {@code x_u · y_i} ({@link LatentFactorModel}).
 *
 * <pre>{@code
 * FittedRecommender m = new AlsRecommender(64, 0.1, 10, 15, "cg", 3, 42L).fit(data);
 * }</pre>
 *
 * @param factors latent dimension {@code f} (default 64)
 * @param regularization {@code λ} (default 10)
 * @param alpha confidence slope {@code α} (default 1)
 * @param iterations alternating sweeps, each solving all users then all items (default 15)
 * @param solver {@code cg} (default) or {@code exact}
 * @param cgSteps conjugate-gradient steps per row and sweep, for {@code cg} (default 3)
 * @param seed seeds the initial factors
 */
public record AlsRecommender(int factors, double regularization, double alpha, int iterations, String solver, int cgSteps, long seed)
    implements Recommender {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("factors", 64, 1, 4096, "latent dimension"),
      real("regularization", 10.0, 0, 1e9, true, "L2 penalty λ on all factors (> 0, so every row's system is positive definite)"),
      real("alpha", 1.0, 0, 1e9, false, "confidence slope: c = 1 + alpha for an interacted pair, 1 otherwise"),
      integer("iterations", 15, 1, 10_000, "alternating sweeps (users, then items)"),
      choice("solver", "cg", List.of("cg", "exact"), "per-row solve: conjugate gradient, or Cholesky of the normal equations"),
      integer("cg_steps", 3, 1, 1000, "conjugate-gradient steps per row and sweep (solver cg)"));

  /** The config's {@code recommenders: [{ kind: als }]}. */
  public static final ComponentSpec<AlsRecommender> SPEC = new ComponentSpec<>("als",
      "implicit-feedback ALS (Hu, Koren & Volinsky 2008)", PARAMS,
      (p, seed) -> new AlsRecommender(p.getInt("factors"), p.getDouble("regularization"), p.getDouble("alpha"), p.getInt("iterations"),
          p.getString("solver"), p.getInt("cg_steps"), seed));

  public AlsRecommender {
    PARAMS.check("factors", factors);
    PARAMS.check("regularization", regularization);
    PARAMS.check("alpha", alpha);
    PARAMS.check("iterations", iterations);
    PARAMS.check("solver", solver);
    PARAMS.check("cg_steps", cgSteps);
  }

  /** The config's defaults: 64 factors, λ = 10, α = 1, 15 sweeps of 3 conjugate-gradient steps. */
  public static AlsRecommender defaults(long seed) {
    return new AlsRecommender(64, 10, 1, 15, "cg", 3, seed);
  }

  @Override
  public LatentFactorModel fit(TrainingData data) {
    int users = data.train().numUsers();
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    int[][] itemsOf = new int[users][];
    int[] degree = new int[items];
    BitSet covered = new BitSet(users);
    for (int u = 0; u < users; u++) {
      itemsOf[u] = seen[u].stream().toArray();
      for (int i : itemsOf[u]) degree[i]++;
      if (itemsOf[u].length > 0) covered.set(u);
    }
    int[][] usersOf = transpose(itemsOf, degree);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = gaussian(rng, users * factors);
    double[] y = gaussian(rng, items * factors);
    for (int it = 0; it < iterations; it++) {
      solveRows(x, y, itemsOf);
      solveRows(y, x, usersOf);
    }
    return new LatentFactorModel(factors, x, y, null, covered);
  }

  /** Updates every row of {@code rows} given {@code fixed}, rows in parallel (each independent). */
  private void solveRows(double[] rows, double[] fixed, int[][] links) {
    double[] gram = gram(fixed);
    boolean exact = solver.equals("exact");
    IntStream.range(0, links.length).parallel().forEach(r -> {
      if (exact) solveExact(rows, r, fixed, links[r], gram);
      else solveCg(rows, r, fixed, links[r], gram);
    });
  }

  /** {@code YᵀY} (f × f), summed in row order. */
  private double[] gram(double[] y) {
    int n = y.length / factors;
    double[] g = new double[factors * factors];
    for (int i = 0; i < n; i++) {
      int o = i * factors;
      for (int a = 0; a < factors; a++) {
        double ya = y[o + a];
        for (int b = a; b < factors; b++) g[a * factors + b] += ya * y[o + b];
      }
    }
    for (int a = 0; a < factors; a++) for (int b = 0; b < a; b++) g[a * factors + b] = g[b * factors + a];
    return g;
  }

  /** Builds {@code A = YᵀY + λI + α Σ y_i y_iᵀ}, {@code b = (1 + α) Σ y_i} and solves by Cholesky. */
  private void solveExact(double[] rows, int r, double[] y, int[] linked, double[] gram) {
    int f = factors;
    double[] a = gram.clone();
    double[] b = new double[f];
    for (int d = 0; d < f; d++) a[d * f + d] += regularization;
    for (int i : linked) {
      int o = i * f;
      for (int p = 0; p < f; p++) {
        double yp = y[o + p];
        b[p] += (1 + alpha) * yp;
        double ayp = alpha * yp;
        for (int q = p; q < f; q++) a[p * f + q] += ayp * y[o + q];
      }
    }
    for (int p = 0; p < f; p++) for (int q = 0; q < p; q++) a[p * f + q] = a[q * f + p];
    choleskySolve(a, b, f);
    System.arraycopy(b, 0, rows, r * f, f);
  }

  /** {@code cg_steps} conjugate-gradient steps on the row's normal equations, from its current value. */
  private void solveCg(double[] rows, int r, double[] y, int[] linked, double[] gram) {
    int f = factors;
    double[] x = new double[f];
    System.arraycopy(rows, r * f, x, 0, f);
    double[] res = new double[f];
    times(x, y, linked, gram, res);
    for (int d = 0; d < f; d++) res[d] = -res[d];
    for (int i : linked) for (int d = 0; d < f; d++) res[d] += (1 + alpha) * y[i * f + d];
    double[] p = res.clone();
    double[] ap = new double[f];
    double rs = LatentFactorModel.dot(res, 0, res, 0, f);
    for (int step = 0; step < cgSteps && rs > 1e-20; step++) {
      times(p, y, linked, gram, ap);
      double stepSize = rs / LatentFactorModel.dot(p, 0, ap, 0, f);
      for (int d = 0; d < f; d++) {
        x[d] += stepSize * p[d];
        res[d] -= stepSize * ap[d];
      }
      double rsNew = LatentFactorModel.dot(res, 0, res, 0, f);
      for (int d = 0; d < f; d++) p[d] = res[d] + rsNew / rs * p[d];
      rs = rsNew;
    }
    System.arraycopy(x, 0, rows, r * f, f);
  }

  /** {@code out = (YᵀY + λI + α Σ_{i ∈ linked} y_i y_iᵀ) v} without forming the matrix. */
  private void times(double[] v, double[] y, int[] linked, double[] gram, double[] out) {
    int f = factors;
    for (int p = 0; p < f; p++) out[p] = LatentFactorModel.dot(gram, p * f, v, 0, f) + regularization * v[p];
    for (int i : linked) {
      double s = alpha * LatentFactorModel.dot(y, i * f, v, 0, f);
      for (int d = 0; d < f; d++) out[d] += s * y[i * f + d];
    }
  }

  /** Solves {@code A z = b} in place of {@code b} for symmetric positive definite {@code A} (overwritten). */
  static void choleskySolve(double[] a, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
      d = Math.sqrt(d);
      a[j * n + j] = d;
      for (int i = j + 1; i < n; i++) {
        double s = a[i * n + j];
        for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
        a[i * n + j] = s / d;
      }
    }
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= a[i * n + k] * b[k];
      b[i] = s / a[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) s -= a[k * n + i] * b[k];
      b[i] = s / a[i * n + i];
    }
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) out[k] = 0.01 * rng.nextGaussian();
    return out;
  }

  /** The rows linked to each column: {@code out[c]} lists, in increasing order, the rows whose list holds {@code c}. */
  static int[][] transpose(int[][] lists, int[] degree) {
    int[][] out = new int[degree.length][];
    for (int c = 0; c < degree.length; c++) out[c] = new int[degree[c]];
    int[] fill = new int[degree.length];
    for (int r = 0; r < lists.length; r++) for (int c : lists[r]) out[c][fill[c]++] = r;
    return out;
  }
}
