package org.interestlab.cluster;

import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A Gaussian mixture with diagonal covariances fitted by expectation–maximisation (Dempster,
 * Laird &amp; Rubin, J. Royal Statistical Society B 39(1), 1977), as scikit-learn's
 * {@code GaussianMixture(covariance_type="diag")} fits it.
 *
 * <p>Initialisation (per restart): k-means labels ({@link KMeans}, k-means++, seeded) taken as
 * hard responsibilities give the weights (cluster shares), means and variances (+ {@code regCovar}).
 * Each EM iteration computes the responsibilities (E-step) and new weights, means and variances
 * (M-step, {@code regCovar} added to every variance so no component collapses; with
 * {@code regCovar = 0} a variance at rounding level is a {@link UserException}); it stops when the
 * mean log-likelihood per point changes by less than {@code tol} or after {@code maxIter}
 * iterations. The restart with the highest lower bound wins and a final E-step gives the labels
 * (argmax responsibility), so labels always agree with {@link FittedGaussianMixture#predict}. All
 * arithmetic is in double precision.
 *
 * <p>Cost: O(n k d) per iteration, rows in parallel (each row independently, so the result does
 * not depend on the number of threads); memory O(n k + n d).
 *
 * <pre>{@code
 * FittedGaussianMixture g = new GaussianMixture(8, 1e-3, 1e-6, 100, 1, 42L).fitModel(vectors);
 * double bic = g.bic(vectors);
 * int[] labels = g.labels();
 * }</pre>
 *
 * @param k number of components
 * @param tol convergence threshold on the change of the mean log-likelihood per point
 * @param regCovar added to every variance
 * @param maxIter EM iterations per restart
 * @param nInit restarts (k-means seeds split from {@code seed}); the highest lower bound wins
 * @param seed random seed
 */
public record GaussianMixture(int k, double tol, double regCovar, int maxIter, int nInit, long seed) implements Clusterer {
  static final String KIND = "gmm";
  private static final double EPS = Math.ulp(1.0);

  /** The parameters, as a config names them, with their ranges and defaults (scikit-learn's). */
  public static final ParamList PARAMS = ParamList.of(
      integer("k", 12, 1, 100_000, "number of components"),
      real("tol", 1e-3, 0, Double.MAX_VALUE, false, "stop when the mean log-likelihood per point changes by less"),
      real("reg_covar", 1e-6, 0, Double.MAX_VALUE, false, "added to every variance"),
      integer("max_iter", 100, 1, 100_000, "EM iterations per restart"),
      integer("n_init", 1, 1, 1000, "restarts; the highest lower bound wins"));

  /** The config's {@code clusterer: { kind: gmm }}. */
  public static final ComponentSpec<GaussianMixture> SPEC =
      new ComponentSpec<>(KIND, "Gaussian mixture, diagonal covariances, EM from k-means", PARAMS, GaussianMixture::from);

  public GaussianMixture {
    PARAMS.check("k", k);
    PARAMS.check("tol", tol);
    PARAMS.check("reg_covar", regCovar);
    PARAMS.check("max_iter", maxIter);
    PARAMS.check("n_init", nInit);
  }

  /** Built from validated parameters (see {@link #PARAMS}) and a seed, as a config builds it. */
  public static GaussianMixture from(org.interestlab.params.Params p, long seed) {
    return new GaussianMixture(p.getInt("k"), p.getDouble("tol"), p.getDouble("reg_covar"), p.getInt("max_iter"), p.getInt("n_init"), seed);
  }

  /** Every parameter at the config's default (k 12), seed 0. */
  public static GaussianMixture defaults() {
    return from(PARAMS.defaults(), 0L);
  }

  /** k components with the config's (scikit-learn's) defaults: tol 1e-3, reg_covar 1e-6, 100 iterations, 1 restart, seed 0. */
  public static GaussianMixture of(int k) {
    return from(PARAMS.resolve(KIND, Map.of("k", k)), 0L);
  }

  @Override
  public Clustering fit(Embeddings points) {
    return fitModel(points).clustering(points);
  }

  /** The fitted mixture: weights, means, variances, lower bound, labels. */
  public FittedGaussianMixture fitModel(Embeddings points) {
    validate(points);
    SplittableRandom root = new SplittableRandom(seed);
    Params best = null;
    double bestBound = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < nInit; r++) {
      long kmSeed = root.split().nextLong();
      int[] labels = new KMeans(k, KMeans.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4, kmSeed, "cpu").fit(points).labels();
      Params p = em(points, initFromLabels(points, labels));
      if (best == null || p.lowerBound > bestBound) {
        best = p;
        bestBound = p.lowerBound;
      }
    }
    return finish(points, best);
  }

  /** EM from the responsibilities of given hard labels (0..k−1), as scikit-learn's init from k-means labels. */
  public FittedGaussianMixture fitFromLabels(Embeddings points, int[] labels) {
    validate(points);
    if (labels.length != points.rows()) throw new IllegalArgumentException(labels.length + " labels for " + points.rows() + " points");
    for (int l : labels) if (l < 0 || l >= k) throw new IllegalArgumentException("label " + l + " outside 0.." + (k - 1));
    return finish(points, em(points, initFromLabels(points, labels)));
  }

  /** EM from given weights (k), means and variances (k × d), as scikit-learn's {@code *_init} parameters. */
  public FittedGaussianMixture fitFrom(Embeddings points, double[] weights, double[][] means, double[][] variances) {
    validate(points);
    if (weights.length != k || means.length != k || variances.length != k) {
      throw new IllegalArgumentException("initial parameters must have " + k + " components");
    }
    double[][] precChol = new double[k][];
    for (int c = 0; c < k; c++) {
      precChol[c] = new double[points.dim()];
      for (int j = 0; j < points.dim(); j++) precChol[c][j] = 1.0 / Math.sqrt(variances[c][j]);
    }
    Params init = new Params(weights.clone(), deepCopy(means), deepCopy(variances), precChol, Double.NEGATIVE_INFINITY, 0, false);
    return finish(points, em(points, init));
  }

  private void validate(Embeddings points) {
    ClusterChecks.points(KIND, points);
    ClusterChecks.clusters(KIND, "k", k, points.rows());
  }

  /** Mixture parameters and how they were reached. */
  record Params(double[] weights, double[][] means, double[][] variances, double[][] precChol, double lowerBound,
      int iterations, boolean converged) {}

  private Params initFromLabels(Embeddings x, int[] labels) {
    int n = x.rows();
    double[] resp = new double[n * k];
    for (int i = 0; i < n; i++) resp[i * k + labels[i]] = 1.0;
    Params p = mStep(x, resp);
    // scikit-learn's _initialize divides the component masses by n, where the M-step normalises by their sum.
    double[] w = new double[k];
    double[] nk = masses(resp, n);
    for (int c = 0; c < k; c++) w[c] = nk[c] / n;
    return new Params(w, p.means, p.variances, p.precChol, Double.NEGATIVE_INFINITY, 0, false);
  }

  private Params em(Embeddings x, Params p) {
    int n = x.rows();
    double[] logResp = new double[n * k];
    double lowerBound = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int iter = 0;
    while (iter < maxIter) {
      iter++;
      double prev = lowerBound;
      double meanLogProb = eStep(x, p, logResp);
      for (int i = 0; i < logResp.length; i++) logResp[i] = Math.exp(logResp[i]);
      Params m = mStep(x, logResp);
      p = new Params(m.weights, m.means, m.variances, m.precChol, meanLogProb, iter, false);
      lowerBound = meanLogProb;
      if (Math.abs(lowerBound - prev) < tol) {
        converged = true;
        break;
      }
    }
    return new Params(p.weights, p.means, p.variances, p.precChol, lowerBound, iter, converged);
  }

  private FittedGaussianMixture finish(Embeddings x, Params p) {
    double[] logResp = new double[x.rows() * k];
    eStep(x, p, logResp);
    int[] labels = new int[x.rows()];
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) if (logResp[i * k + c] > logResp[i * k + best]) best = c;
      labels[i] = best;
    }
    return new FittedGaussianMixture(p.weights, p.means, p.variances, p.lowerBound, p.iterations, p.converged, labels);
  }

  /** Log responsibilities into {@code logResp} (n × k); returns the mean log-likelihood per point. */
  static double eStep(Embeddings x, Params p, double[] logResp) {
    int n = x.rows();
    int k = p.weights.length;
    double[] lse = new double[n];
    logWeightedDensities(x, p.weights, p.means, p.precChol, logResp);
    IntStream.range(0, n).parallel().forEach(i -> {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) max = Math.max(max, logResp[i * k + c]);
      double s = 0;
      for (int c = 0; c < k; c++) s += Math.exp(logResp[i * k + c] - max);
      double v = max + Math.log(s);
      lse[i] = v;
      for (int c = 0; c < k; c++) logResp[i * k + c] -= v;
    });
    double total = 0;
    for (double v : lse) total += v; // in index order: independent of the thread count
    return total / n;
  }

  /** log(w_c) + log N(x_i | μ_c, diag(1 / precChol_c²)) for every point and component. */
  static void logWeightedDensities(Embeddings x, double[] weights, double[][] means, double[][] precChol, double[] out) {
    int n = x.rows();
    int d = x.dim();
    int k = weights.length;
    float[] data = x.data();
    double[] constant = new double[k];
    for (int c = 0; c < k; c++) {
      double logDet = 0;
      for (int j = 0; j < d; j++) logDet += Math.log(precChol[c][j]);
      constant[c] = -0.5 * d * Math.log(2 * Math.PI) + logDet + Math.log(weights[c]);
    }
    IntStream.range(0, n).parallel().forEach(i -> {
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] pc = precChol[c];
        double q = 0;
        for (int j = 0; j < d; j++) {
          double z = (data[i * d + j] - mu[j]) * pc[j];
          q += z * z;
        }
        out[i * k + c] = constant[c] - 0.5 * q;
      }
    });
  }

  private static double[] masses(double[] resp, int n) {
    int k = resp.length / n;
    double[] nk = new double[k];
    for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) nk[c] += resp[i * k + c];
    for (int c = 0; c < k; c++) nk[c] += 10 * EPS; // scikit-learn's guard against empty components
    return nk;
  }

  /** Weights (normalised masses), means and variances from responsibilities (n × k). */
  private Params mStep(Embeddings x, double[] resp) {
    int n = x.rows();
    int d = x.dim();
    float[] data = x.data();
    double[] nk = masses(resp, n);
    double[][] sumX = new double[k][d];
    double[][] sumX2 = new double[k][d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double r = resp[i * k + c];
        if (r == 0) continue;
        double[] s = sumX[c];
        double[] s2 = sumX2[c];
        for (int j = 0; j < d; j++) {
          double v = data[i * d + j];
          s[j] += r * v;
          s2[j] += r * v * v;
        }
      }
    }
    double total = 0;
    for (double v : nk) total += v;
    double[] w = new double[k];
    double[][] means = new double[k][d];
    double[][] variances = new double[k][d];
    double[][] precChol = new double[k][d];
    for (int c = 0; c < k; c++) {
      w[c] = nk[c] / total;
      for (int j = 0; j < d; j++) {
        double mu = sumX[c][j] / nk[c];
        means[c][j] = mu;
        // scikit-learn's expression, term for term: E[x²] − 2 μ E[x] + μ² + reg.
        double var = sumX2[c][j] / nk[c] - 2 * (mu * sumX[c][j] / nk[c]) + mu * mu + regCovar;
        // Without regularisation, a variance at rounding level of E[x²] means the component sits on one point.
        if (!(var > 0) || regCovar == 0 && var <= 16 * EPS * (sumX2[c][j] / nk[c])) {
          throw new UserException(String.format(Locale.ROOT, "%s: component %d has variance %s in dimension %d (duplicate or "
              + "constant points) — raise reg_covar (now %s) or use fewer components", KIND, c, var, j, regCovar));
        }
        variances[c][j] = var;
        precChol[c][j] = 1.0 / Math.sqrt(var);
      }
    }
    return new Params(w, means, variances, precChol, Double.NEGATIVE_INFINITY, 0, false);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GaussianMixture[k=%d, covariance=diag, tol=%s, reg_covar=%s, max_iter=%d, n_init=%d, seed=%d]",
        k, tol, regCovar, maxIter, nInit, seed);
  }
}
