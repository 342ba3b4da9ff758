package org.interestlab.cluster;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * k-means (Lloyd's algorithm) with k-means++, k-means|| or random seeding, several restarts, distances by
 * blocked matrix products (in Java on the Vector API on the CPU, on DJL's PyTorch engine on a GPU or
 * without the Vector API), and exact acceleration by Hamerly's, Elkan's or Yinyang's distance bounds.
 *
 * <p>Defaults follow scikit-learn's {@code KMeans}: k-means++ with {@code 2 + ln k} local trials,
 * {@code tol} relative to the mean per-feature variance of the data, convergence when the total
 * squared centre shift falls to that tolerance or when no label changes. Empty clusters take the
 * points farthest from their centres (deterministically, by index on ties). Distance ties go to
 * the lower cluster index, so with fewer distinct points than {@code k} some clusters end empty,
 * as in scikit-learn.
 *
 * <p>Exactness: every label is the nearest centre by the reference distance of
 * {@link SquaredDistance} (double precision), whatever path found it. The float32 matrix products
 * decide a label only when their rounding provably cannot change it, and near ties are recomputed
 * ({@link CentroidSearch}); {@link Algorithm#HAMERLY}, {@link Algorithm#ELKAN} and
 * {@link Algorithm#YINYANG} skip the points their bounds settle ({@link LloydIterations}). So all algorithms give the same labels,
 * centres, inertia and iteration count, and both match scikit-learn's lloyd from the same initial centres
 * except where scikit-learn's own float32 rounding decides a near tie. Such a tie can grow: where a
 * blob is split between two centres, a different point on the boundary moves both centres a little,
 * and at tol 0 the difference can spread over the iterations (on 200,000 × 384 float32 points in 60
 * blobs, k = 100, scikit-learn on one thread and on two differ in 5,335 final labels; on float64
 * data it differs from this class in 44).
 *
 * <p>{@link DistanceMetric#COSINE} is spherical k-means: rows and centres are L2-normalised (centres after
 * every update), so the nearest centre is the one of highest cosine similarity; the result's
 * centres are unit vectors and its inertia is the sum of squared distances between unit vectors
 * ({@code 2 (1 − cos)} per point). It works on a normalised copy of the points; an all-zero row
 * stays zero, equally far from every centre, and goes to the lowest-index nearest one.
 *
 * <p>Cost: the first assignment is an {@code n × d × k} matrix product (blocked: at most
 * {@link CentroidSearch#BLOCK_VALUES} distances held at once); later bounded passes cost
 * {@code O(n g)} for {@code g} groups of centres (Yinyang: k/10, Hamerly: 1, Elkan: k) plus {@code O(d)} per
 * point whose bound must be tightened plus the product for the points left unsettled, and
 * {@code O(k² d)} for the centre-to-centre gaps. The update is {@code O(n + changed · d)} in Java.
 * Memory beyond the points: about 50 bytes per point plus one float per point and group (g capped
 * at 2²⁶ / n; Elkan: k floats per point, n·k at most 2²⁸) and {@code O(k d)}; with {@code cosine},
 * also the normalised copy of the points.
 * Seeding with k-means++ costs {@code O(n d k log k)} at worst; {@link KMeansPlusPlus} measures only the
 * points the triangle inequality leaves open, and settles most of those by float32 products, with the
 * same centres as measuring every point (on clustered data a new centre meets its neighbourhood only);
 * {@code k-means||} ({@link KMeansParallel}) makes {@code init_rounds} passes of blocked products instead, and
 * {@code random} skips seeding altogether.
 *
 * <p>Parameters and their defaults are declared once in {@link #PARAMS} (k 12, k-means++, 3 restarts,
 * 100 iterations, tol 1e-4, CPU, auto, euclidean): a config, {@link #defaults()} and {@link #of(int)}
 * build the same clusterer, and the constructor rejects what a config would reject, with the same
 * {@link org.interestlab.params.ParameterException}.
 *
 * <pre>{@code
 * Clustering c = KMeans.of(12).fit(vectors);   // the config's defaults, seed 0
 * Clustering s = new KMeans(12, KMeans.Init.RANDOM, 1, 100, 1e-4, 42L, "cpu",
 *     KMeans.Algorithm.HAMERLY, DistanceMetric.COSINE).fit(vectors);
 * }</pre>
 *
 * @param k number of clusters (≥ 1, ≤ number of points)
 * @param init seeding method
 * @param nInit restarts with different seeds; the one with the lowest inertia wins
 * @param maxIter Lloyd iterations per restart
 * @param tol relative tolerance on the centre shift (0 = run until labels stop changing)
 * @param seed random seed; restart {@code r} uses a generator split from it
 * @param device {@code auto | cpu | gpu} for the distance computations
 * @param algorithm {@code auto} (default: elkan up to {@link #AUTO_ELKAN_BOUNDS} bounds, else
 *     hamerly), {@code hamerly}, {@code elkan} or {@code yinyang} (exact acceleration by bounds), or
 *     {@code lloyd} (every distance, every iteration); all give identical results
 * @param metric {@code euclidean} (default) or {@code cosine} (spherical k-means)
 * @param initRounds k-means|| rounds (default 5; used by {@code init: k-means||} only)
 * @param initOversampling k-means|| candidates drawn per round, as a multiple of k (default 2: ℓ = 2k, as Bahmani
 *     et al.'s experiments; used by {@code init: k-means||} only)
 * @param arithmetic {@code exact} (default: each label the exact nearest centre) or {@code scikit-learn}
 *     (scikit-learn 1.2's float32 Lloyd reproduced bit for bit, {@link ScikitLearnLloyd}; euclidean, CPU,
 *     every distance every iteration: {@code algorithm} and {@code device} are not used)
 * @param arithmeticThreads with {@code arithmetic: scikit-learn}, the OpenMP thread count of the scikit-learn run
 *     whose float32 centre sums are reproduced (0, the default: this machine's cores, as scikit-learn takes)
 */
public record KMeans(int k, Init init, int nInit, int maxIter, double tol, long seed, String device,
    Algorithm algorithm, DistanceMetric metric, int initRounds, double initOversampling, String arithmetic,
    int arithmeticThreads) implements Clusterer {

  public enum Init {
    K_MEANS_PLUS_PLUS("k-means++"),
    /** k-means|| (Bahmani et al. 2012), {@link KMeansParallel}: a few passes, for large n. */
    K_MEANS_PARALLEL("k-means||"),
    RANDOM("random");

    private final String configName;

    Init(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    /** The seeding a config names; anything else is a {@link org.interestlab.params.ParameterException} naming {@code init}. */
    public static Init parse(String s) {
      PARAMS.check("init", s);
      for (Init i : values()) if (i.configName.equals(s)) return i;
      throw new IllegalStateException("init '" + s + "' is declared but has no seeding");
    }
  }

  /** How the assignment step finds each point's nearest centre; both give identical results. */
  public enum Algorithm {
    /**
     * Elkan's bounds when they fit in {@link #AUTO_ELKAN_BOUNDS} floats (the fastest measured,
     * README "k-means"), else Hamerly's.
     */
    AUTO("auto"),
    /** Elkan's bounds (one lower bound per point and centre): open points try only the centres their bounds leave. */
    ELKAN("elkan"),
    /** Hamerly's bounds (one lower bound per point): only points whose label is not proven are recomputed. */
    HAMERLY("hamerly"),
    /** Yinyang's group bounds (k/10 groups of centres): only points whose label is not proven are recomputed. */
    YINYANG("yinyang"),
    /** Plain Lloyd: all n × k distances in every iteration. */
    LLOYD("lloyd");

    private final String configName;

    Algorithm(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    /** The algorithm a config names; anything else is a {@link org.interestlab.params.ParameterException} naming {@code algorithm}. */
    public static Algorithm parse(String s) {
      PARAMS.check("algorithm", s);
      for (Algorithm a : values()) if (a.configName.equals(s)) return a;
      throw new IllegalStateException("algorithm '" + s + "' is declared but not implemented");
    }

    /** The bounds used for n points and k centres: {@link #AUTO} picked, the others as they are. */
    Algorithm forSize(int n, int k) {
      if (this != AUTO) return this;
      return (long) n * k <= AUTO_ELKAN_BOUNDS ? ELKAN : HAMERLY;
    }
  }

  /** {@code auto} takes Elkan's bounds up to this many (256 MB of floats), Hamerly's above. */
  public static final long AUTO_ELKAN_BOUNDS = 1L << 26;

  /**
   * Whether this JVM computes the bounds' float distances on the Vector API (started with
   * {@code --add-modules jdk.incubator.vector}); without it a scalar loop gives the same labels,
   * more slowly.
   */
  public static boolean vectorDistances() {
    return BoundedDistance.vectorized();
  }

  /** {@code elkan} refuses more bounds than this (1 GB). */
  public static final long MAX_ELKAN_BOUNDS = 1L << 28;


  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("k", 12, 1, 1_000_000, "number of clusters"),
      choice("init", "k-means++", List.of("k-means++", "k-means||", "random"), "seeding"),
      integer("n_init", 3, 1, 1000, "restarts; the lowest inertia wins"),
      integer("max_iter", 100, 1, 100_000, "Lloyd iterations per restart"),
      real("tol", 1e-4, 0, 1, false, "centre-shift tolerance, relative to the data's mean variance"),
      choice("device", "cpu", List.of("auto", "cpu", "gpu"), "where distances are computed"),
      choice("algorithm", "auto", List.of("auto", "hamerly", "elkan", "yinyang", "lloyd"),
          "assignment step: exact Hamerly, Elkan or Yinyang bounds (auto: Elkan while n·k ≤ 2^26, else Hamerly), or every distance; same results"),
      choice("metric", "euclidean", List.of("euclidean", "cosine"), "cosine = spherical k-means"),
      integer("init_rounds", 5, 1, 100, "k-means|| rounds (init: k-means|| only)"),
      real("init_oversampling", 2.0, 0, 1000, true, "k-means|| candidates per round, as a multiple of k (init: k-means|| only)"),
      choice("arithmetic", "exact", List.of("exact", "scikit-learn"),
          "exact nearest centres, or scikit-learn 1.2's float32 Lloyd bit for bit (its labels from the same init)"),
      integer("arithmetic_threads", 0, 0, 4096,
          "arithmetic: scikit-learn only: the scikit-learn run's thread count, whose float32 sums are reproduced (0: this machine's cores)"));

  /** The config's {@code clusterer: { kind: kmeans }}. */
  public static final ComponentSpec<KMeans> SPEC =
      new ComponentSpec<>("kmeans", "k-means (Lloyd) with k-means++ seeding", PARAMS, KMeans::from);

  /** A null {@code init}, {@code device}, {@code algorithm} or {@code metric} takes its declared default. */
  public KMeans {
    if (init == null) init = Init.parse((String) PARAMS.spec("init").defaultValue());
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    if (algorithm == null) algorithm = Algorithm.parse((String) PARAMS.spec("algorithm").defaultValue());
    if (metric == null) metric = DistanceMetric.parse((String) PARAMS.spec("metric").defaultValue());
    if (arithmetic == null) arithmetic = (String) PARAMS.spec("arithmetic").defaultValue();
    PARAMS.check("k", k);
    PARAMS.check("n_init", nInit);
    PARAMS.check("max_iter", maxIter);
    PARAMS.check("tol", tol);
    PARAMS.check("device", device);
    PARAMS.check("init_rounds", initRounds);
    PARAMS.check("init_oversampling", initOversampling);
    PARAMS.check("arithmetic", arithmetic);
    PARAMS.check("arithmetic_threads", arithmeticThreads);
  }

  /** Exact arithmetic (the declared default). */
  public KMeans(int k, Init init, int nInit, int maxIter, double tol, long seed, String device, Algorithm algorithm,
      DistanceMetric metric, int initRounds, double initOversampling) {
    this(k, init, nInit, maxIter, tol, seed, device, algorithm, metric, initRounds, initOversampling,
        (String) PARAMS.spec("arithmetic").defaultValue(), (Integer) PARAMS.spec("arithmetic_threads").defaultValue());
  }

  /** k-means|| rounds and oversampling at their declared defaults (they matter only for {@code init: k-means||}). */
  public KMeans(int k, Init init, int nInit, int maxIter, double tol, long seed, String device, Algorithm algorithm,
      DistanceMetric metric) {
    this(k, init, nInit, maxIter, tol, seed, device, algorithm, metric, (Integer) PARAMS.spec("init_rounds").defaultValue(),
        (Double) PARAMS.spec("init_oversampling").defaultValue());
  }

  /** Euclidean k-means with the default assignment algorithm ({@code auto}). */
  public KMeans(int k, Init init, int nInit, int maxIter, double tol, long seed, String device) {
    this(k, init, nInit, maxIter, tol, seed, device, Algorithm.AUTO, DistanceMetric.EUCLIDEAN);
  }

  /** Built from validated parameters (see {@link #PARAMS}) and a seed, as a config builds it. */
  public static KMeans from(Params p, long seed) {
    return new KMeans(p.getInt("k"), Init.parse(p.getString("init")), p.getInt("n_init"), p.getInt("max_iter"), p.getDouble("tol"),
        seed, p.getString("device"), Algorithm.parse(p.getString("algorithm")), DistanceMetric.parse(p.getString("metric")),
        p.getInt("init_rounds"), p.getDouble("init_oversampling"), p.getString("arithmetic"), p.getInt("arithmetic_threads"));
  }

  /** Every parameter at the config's default (k 12, 3 restarts, 100 iterations, …), seed 0. */
  public static KMeans defaults() {
    return from(PARAMS.defaults(), 0L);
  }

  /** k clusters, everything else at the config's defaults: k-means++, 3 restarts, 100 iterations, tol 1e-4, seed 0, CPU, auto, euclidean. */
  public static KMeans of(int k) {
    return from(PARAMS.resolve(SPEC.kind(), Map.of("k", k)), 0L);
  }

  /** The same parameters with another assignment algorithm. */
  public KMeans withAlgorithm(Algorithm a) {
    return new KMeans(k, init, nInit, maxIter, tol, seed, device, a, metric, initRounds, initOversampling, arithmetic, arithmeticThreads);
  }

  /** The same parameters with another seed. */
  public KMeans withSeed(long s) {
    return new KMeans(k, init, nInit, maxIter, tol, s, device, algorithm, metric, initRounds, initOversampling, arithmetic, arithmeticThreads);
  }

  /** The same parameters with another metric. */
  public KMeans withMetric(DistanceMetric m) {
    return new KMeans(k, init, nInit, maxIter, tol, seed, device, algorithm, m, initRounds, initOversampling, arithmetic, arithmeticThreads);
  }

  /** The same parameters with scikit-learn's float32 arithmetic for a run on {@code threads} threads (0: this machine's cores). */
  public KMeans withScikitLearnArithmetic(int threads) {
    return new KMeans(k, init, nInit, maxIter, tol, seed, device, algorithm, metric, initRounds, initOversampling, "scikit-learn", threads);
  }

  @Override
  public List<String> notes() {
    if (vectorDistances()) return List.of();
    return List.of("k-means bounds ran on the scalar path (same labels, slower): start Java with "
        + "--add-modules jdk.incubator.vector, as ./lab does, for the Vector API");
  }

  @Override
  public Clustering fit(Embeddings points) {
    validate(points);
    Embeddings x = metric == DistanceMetric.COSINE ? points.l2Normalized() : points;
    SplittableRandom root = new SplittableRandom(seed);
    Clustering best = null;
    for (int r = 0; r < nInit; r++) {
      SplittableRandom rng = root.split();
      float[] centroids = switch (init) {
        case RANDOM -> randomInit(x, rng);
        case K_MEANS_PARALLEL -> KMeansParallel.seed(x.data(), x.rows(), x.dim(), k, initRounds, initOversampling, rng,
            Device.resolve(device, "kmeans.device"));
        case K_MEANS_PLUS_PLUS -> KMeansPlusPlus.seed(x.data(), x.rows(), x.dim(), k, rng);
      };
      Clustering c = lloyd(x, centroids);
      if (best == null || c.inertia() < best.inertia()) best = c;
    }
    return best;
  }

  /**
   * Lloyd iterations from given initial centroids (k × d), as scikit-learn's {@code init=array}.
   * With {@code cosine} the initial centroids are L2-normalised first.
   */
  public Clustering fitFrom(Embeddings points, Embeddings initialCentroids) {
    validate(points);
    if (initialCentroids.rows() != k || initialCentroids.dim() != points.dim()) {
      throw new IllegalArgumentException("initial centroids are " + initialCentroids.rows() + "×" + initialCentroids.dim()
          + ", expected " + k + "×" + points.dim());
    }
    if (initialCentroids.hasNonFinite()) throw new UserException("kmeans: initial centroids contain NaN or infinite values");
    Embeddings x = metric == DistanceMetric.COSINE ? points.l2Normalized() : points;
    return lloyd(x, initialCentroids.data().clone());
  }

  private void validate(Embeddings points) {
    if (points.rows() == 0) throw new UserException("kmeans: no points to cluster (empty input)");
    if (k > points.rows()) {
      throw new UserException("kmeans: k=" + k + " is larger than the number of points (" + points.rows() + ") — use k ≤ " + points.rows());
    }
    if (points.hasNonFinite()) throw new UserException("kmeans: input vectors contain NaN or infinite values");
    if (scikitLearnArithmetic() && metric != DistanceMetric.EUCLIDEAN) {
      throw new UserException("kmeans: arithmetic scikit-learn reproduces euclidean k-means only, not metric " + metric.configName()
          + " — use arithmetic exact");
    }
    if (algorithm == Algorithm.ELKAN && (long) points.rows() * k > MAX_ELKAN_BOUNDS) {
      throw new UserException("kmeans: algorithm elkan keeps n·k = " + (long) points.rows() * k + " bounds, more than "
          + MAX_ELKAN_BOUNDS + " (1 GB) — use algorithm hamerly or yinyang");
    }
  }

  private Clustering lloyd(Embeddings x, float[] centroids) {
    // tol = 0 needs no variance (a pass over all points saved).
    double tolerance = tol == 0 ? 0 : tol * meanVariance(x);
    if (scikitLearnArithmetic()) {
      int threads = arithmeticThreads == 0 ? Runtime.getRuntime().availableProcessors() : arithmeticThreads;
      return ScikitLearnLloyd.run(x.data(), x.rows(), x.dim(), k, centroids, maxIter, tolerance, threads);
    }
    return LloydIterations.run(x.data(), x.rows(), x.dim(), k, centroids, maxIter, tolerance,
        algorithm.forSize(x.rows(), k), metric == DistanceMetric.COSINE, Device.resolve(device, "kmeans.device"));
  }

  private boolean scikitLearnArithmetic() {
    return arithmetic.equals("scikit-learn");
  }

  /** Mean per-feature variance; row by row (one pass over memory each), each column summed in row order. */
  private static double meanVariance(Embeddings x) {
    int n = x.rows();
    int d = x.dim();
    float[] data = x.data();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += data[i * d + j];
    for (int j = 0; j < d; j++) mean[j] /= n;
    double[] var = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double diff = data[i * d + j] - mean[j];
        var[j] += diff * diff;
      }
    }
    double total = 0;
    for (int j = 0; j < d; j++) total += var[j] / n;
    return d == 0 ? 0 : total / d;
  }

  private float[] randomInit(Embeddings x, SplittableRandom rng) {
    int n = x.rows();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return x.select(java.util.Arrays.copyOf(idx, k)).data();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "KMeans[k=%d, init=%s, n_init=%d, max_iter=%d, tol=%g, seed=%d, algorithm=%s, metric=%s]",
        k, init.configName(), nInit, maxIter, tol, seed, algorithm.configName(), metric.configName())
        + (init == Init.K_MEANS_PARALLEL ? String.format(Locale.ROOT, "[init_rounds=%d, init_oversampling=%g]", initRounds, initOversampling) : "")
        + (scikitLearnArithmetic() ? "[arithmetic=scikit-learn, arithmetic_threads=" + arithmeticThreads + "]" : "");
  }
}
