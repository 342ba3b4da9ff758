package org.interestlab.analysis;

import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ParamList;

/**
 * k-means over a sequence of time windows, each window starting from the previous one's centroids,
 * with old evidence decaying and clusters born and dying as interests appear and fade.
 *
 * <p>Not a {@link org.interestlab.cluster.Clusterer}, on purpose: a clusterer turns one set of
 * points into one {@link org.interestlab.cluster.Clustering} of a fixed {@code k}; this is an online
 * model updated window by window, whose input is a sequence of windows (optionally with the points'
 * identities), whose number of clusters changes as clusters are born and die, and whose output is one
 * {@link Window} per input window with cluster ids that persist across windows. Fitting it to a
 * single window would be k-means with a different geometry, so it is not offered as one; it is
 * configured through the {@code dynamic:} section, not as a {@code clusterer:} kind. Its parameters
 * are declared in {@link #PARAMS}, read by that section and by the constructor alike.
 *
 * <p>Geometry: spherical k-means — points are L2-normalised, a point belongs to the centroid of
 * highest cosine similarity, and centroids are unit vectors; distances below are cosine distances
 * {@code 1 − cos}. (Profiles of mean item vectors are compared by cosine everywhere in InterestLab.)
 *
 * <p>Per window:
 *
 * <ol>
 *   <li><b>First window:</b> k-means++ seeding (seeded) and Lloyd iterations, {@code k} clusters.
 *   <li><b>Births (later windows):</b> points farther than {@code birthDistance} from every
 *       previous centroid are candidates. Repeatedly, the candidate with the most candidates within
 *       {@code birthDistance} (ties: the lower index) founds a cluster of those neighbours if they
 *       are at least {@code minClusterSize}; its first centroid is their mean direction. Judging
 *       before the Lloyd step keeps an old cluster from absorbing a new interest by drifting to it.
 *   <li><b>Lloyd (later windows):</b> iterations from the previous centroids and the new ones. A
 *       cluster's centroid is the direction of {@code decay · w · c_prev + Σ members}, where {@code
 *       c_prev} is its previous centroid and {@code w} its accumulated weight ({@code w ← decay · w +
 *       members} after each window): the update rule of Spark MLlib's {@code StreamingKMeans}.
 *       {@code decay = 0} forgets the past (warm start only), {@code decay = 1} weighs every window
 *       alike.
 *   <li><b>Deaths:</b> a cluster left with fewer than {@code minClusterSize} members dies (its
 *       points go to the nearest survivor, Lloyd again), one at a time, the smallest first.
 * </ol>
 *
 * <p>Stickiness: when the points carry identities (users) and {@code stickiness > 0}, a point
 * stays with its previous window's cluster unless another centroid is more similar by more than
 * {@code stickiness} — hysteresis, so that a user whose mixture of interests hovers between two
 * clusters does not change cluster with every window.
 *
 * <p>Cluster ids are never reused: a born cluster gets the next unused id, so an id names one
 * cluster across windows. Zero vectors have similarity 0 to every centroid.
 *
 * <p>Cost per window: {@code O(iterations · n · k · d)} plus {@code O(m² d)} for {@code m} birth
 * candidates.
 *
 * <pre>{@code
 * List<StreamingKMeans.Window> w = new StreamingKMeans(12, 0.5, 0.6, 10, 50, 42L).fit(List.of(january, february, march));
 * int[] clusterIdsInMarch = w.get(2).labels();
 * }</pre>
 *
 * @param k clusters in the first window (≥ 1)
 * @param decay weight of past evidence per window, in [0, 1]
 * @param birthDistance cosine distance beyond which a point is far from every cluster, in (0, 2]
 * @param minClusterSize fewest members a cluster needs to be born or to survive (≥ 1)
 * @param maxIter Lloyd iterations per step (≥ 1)
 * @param stickiness with point identities ({@link #fit(List, List)}): the similarity bonus of a
 *     point's cluster of the previous window, in [0, 2] (0: none)
 * @param seed random seed of the first window's seeding
 */
public record StreamingKMeans(int k, double decay, double birthDistance, int minClusterSize, int maxIter, double stickiness,
    long seed) {

  /** The parameters, as the config's {@code dynamic:} section names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("k", 12, 1, 1_000_000, "clusters in the first window"),
      real("decay", 0.5, 0, 1, false, "weight of a cluster's past evidence per window (0 = forget, 1 = keep all)"),
      real("birth_distance", 0.6, 0, 2, true, "cosine distance from every centroid beyond which points may found a new cluster"),
      integer("min_cluster_size", 10, 1, 1_000_000, "fewest members for a cluster to be born or to survive"),
      integer("max_iter", 30, 1, 100_000, "Lloyd iterations per window step"),
      real("stickiness", 0.1, 0, 2, false, "similarity bonus of a user's cluster of the previous window (0 = none)"));

  public StreamingKMeans {
    PARAMS.check("k", k);
    PARAMS.check("decay", decay);
    PARAMS.check("birth_distance", birthDistance);
    PARAMS.check("min_cluster_size", minClusterSize);
    PARAMS.check("max_iter", maxIter);
    PARAMS.check("stickiness", stickiness);
  }

  /** Without stickiness. */
  public StreamingKMeans(int k, double decay, double birthDistance, int minClusterSize, int maxIter, long seed) {
    this(k, decay, birthDistance, minClusterSize, maxIter, 0, seed);
  }

  /**
   * One window's clustering.
   *
   * @param labels per point of the window, its cluster id
   * @param ids the ids of the clusters alive after the window, ascending
   * @param centroids unit centroids, one row per entry of {@code ids}
   * @param sizes members per entry of {@code ids}
   * @param born ids of clusters born in this window
   * @param died ids of clusters alive before this window that died in it
   */
  public record Window(int[] labels, int[] ids, Embeddings centroids, int[] sizes, int[] born, int[] died) {
    public Window {
      labels = labels.clone();
      ids = ids.clone();
      sizes = sizes.clone();
      born = born.clone();
      died = died.clone();
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }

    @Override
    public int[] ids() {
      return ids.clone();
    }

    @Override
    public int[] sizes() {
      return sizes.clone();
    }

    @Override
    public int[] born() {
      return born.clone();
    }

    @Override
    public int[] died() {
      return died.clone();
    }

    public int numClusters() {
      return ids.length;
    }

    /** Row of cluster {@code id} in {@link #centroids()}, or −1. */
    public int indexOf(int id) {
      int i = Arrays.binarySearch(ids, id);
      return i >= 0 ? i : -1;
    }
  }

  /** Clusters every window in order; {@code windows.get(t)} holds the points of window {@code t}. */
  public List<Window> fit(List<Embeddings> windows) {
    return fit(windows, null);
  }

  /**
   * Clusters every window in order; {@code ids.get(t)[i]} is the identity (e.g. the user) of point
   * {@code i} of window {@code t}, for {@code stickiness}. {@code ids} may be null (no identities).
   */
  public List<Window> fit(List<Embeddings> windows, List<int[]> ids) {
    if (windows.isEmpty()) throw new UserException("streaming k-means: no windows to cluster");
    if (ids != null) {
      if (ids.size() != windows.size()) throw new IllegalArgumentException(ids.size() + " id lists for " + windows.size() + " windows");
      for (int t = 0; t < ids.size(); t++) {
        if (ids.get(t).length != windows.get(t).rows()) {
          throw new IllegalArgumentException("window " + t + ": " + ids.get(t).length + " ids for " + windows.get(t).rows() + " points");
        }
      }
    }
    int d = windows.get(0).dim();
    for (int t = 0; t < windows.size(); t++) {
      Embeddings w = windows.get(t);
      if (w.dim() != d) throw new IllegalArgumentException("window " + t + " has dimension " + w.dim() + ", window 0 has " + d);
      if (w.hasNonFinite()) throw new UserException("streaming k-means: window " + t + " contains NaN or infinite values");
    }
    if (windows.get(0).rows() < k) {
      throw new UserException("streaming k-means: k=" + k + " is larger than the number of points in the first window ("
          + windows.get(0).rows() + ")");
    }
    List<Window> out = new ArrayList<>();
    State state = null;
    java.util.Map<Integer, Integer> lastCluster = new java.util.HashMap<>();
    for (int t = 0; t < windows.size(); t++) {
      Embeddings w = windows.get(t);
      float[] x = w.l2Normalized().data();
      int[] previous = new int[w.rows()];
      Arrays.fill(previous, -1);
      if (ids != null && stickiness > 0) {
        for (int i = 0; i < previous.length; i++) previous[i] = lastCluster.getOrDefault(ids.get(t)[i], -1);
      }
      state = state == null ? first(x, w.rows(), d) : next(state, x, w.rows(), d, previous);
      out.add(state.window);
      if (ids != null) {
        int[] labels = state.window.labels();
        for (int i = 0; i < labels.length; i++) lastCluster.put(ids.get(t)[i], labels[i]);
      }
    }
    return out;
  }

  /** Alive clusters: ids ascending, unit centroids, accumulated weights; plus the window result. */
  private record State(List<Integer> ids, List<float[]> centroids, List<Double> weights, int nextId, Window window) {}

  private State first(float[] x, int n, int d) {
    float[][] c = seeds(x, n, d, new SplittableRandom(seed));
    List<float[]> prior = new ArrayList<>();
    List<Double> priorWeight = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      prior.add(c[i]);
      priorWeight.add(0.0);
      ids.add(i);
    }
    int[] none = new int[n];
    Arrays.fill(none, -1);
    return settle(x, n, d, ids, prior, priorWeight, k, true, none);
  }

  private State next(State s, float[] x, int n, int d, int[] previous) {
    List<Integer> ids = new ArrayList<>(s.ids());
    List<float[]> prior = new ArrayList<>(s.centroids());
    List<Double> priorWeight = new ArrayList<>();
    for (double w : s.weights()) priorWeight.add(decay * w);
    return settle(x, n, d, ids, prior, priorWeight, s.nextId(), false, previous);
  }

  /** Lloyd from the priors, then births (not in the first window), then deaths, each followed by Lloyd again. */
  private State settle(float[] x, int n, int d, List<Integer> ids, List<float[]> prior, List<Double> priorWeight,
      int nextId, boolean firstWindow, int[] previous) {
    List<Integer> born = new ArrayList<>();
    if (!firstWindow) {
      // Far from every centroid the past knows: judged before Lloyd lets an old cluster absorb them.
      for (float[] b : births(x, n, d, prior)) {
        ids.add(nextId);
        born.add(nextId++);
        prior.add(b);
        priorWeight.add(0.0);
      }
    }
    List<float[]> centroids = new ArrayList<>(prior);
    int[] labels = lloyd(x, n, d, prior, priorWeight, centroids, preferred(previous, ids));
    List<Integer> died = new ArrayList<>();
    while (centroids.size() > 1) {
      int[] sizes = new int[centroids.size()];
      for (int l : labels) sizes[l]++;
      int smallest = -1;
      for (int c = 0; c < sizes.length; c++) {
        if (sizes[c] < minClusterSize && (smallest < 0 || sizes[c] < sizes[smallest])) smallest = c;
      }
      if (smallest < 0) break;
      int id = ids.remove(smallest);
      if (!born.remove((Integer) id)) died.add(id);
      prior.remove(smallest);
      priorWeight.remove(smallest);
      centroids.remove(smallest);
      labels = lloyd(x, n, d, prior, priorWeight, centroids, preferred(previous, ids));
    }
    // Ids ascending (births are appended with larger ids, deaths only remove, so they already are).
    int m = centroids.size();
    int[] sizes = new int[m];
    for (int l : labels) sizes[l]++;
    int[] idArray = ids.stream().mapToInt(Integer::intValue).toArray();
    int[] labelIds = new int[n];
    for (int i = 0; i < n; i++) labelIds[i] = idArray[labels[i]];
    float[] flat = new float[m * d];
    List<Double> weights = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      System.arraycopy(centroids.get(c), 0, flat, c * d, d);
      weights.add(priorWeight.get(c) + sizes[c]);
    }
    Window w = new Window(labelIds, idArray, new Embeddings(m, d, flat), sizes,
        born.stream().mapToInt(Integer::intValue).toArray(), died.stream().sorted().mapToInt(Integer::intValue).toArray());
    return new State(List.copyOf(ids), List.copyOf(centroids), List.copyOf(weights), nextId, w);
  }

  /** Per point, the index (in {@code ids}) of its previous cluster if that one is alive, else −1. */
  private static int[] preferred(int[] previous, List<Integer> ids) {
    int[] out = new int[previous.length];
    for (int i = 0; i < previous.length; i++) out[i] = previous[i] < 0 ? -1 : ids.indexOf(previous[i]);
    return out;
  }

  /**
   * Spherical Lloyd iterations; {@code centroids} is updated in place; returns the labels (indices).
   * {@code preferred[i]} (≥ 0) gets the stickiness bonus for point {@code i}.
   */
  private int[] lloyd(float[] x, int n, int d, List<float[]> prior, List<Double> priorWeight, List<float[]> centroids, int[] preferred) {
    int m = centroids.size();
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    for (int iter = 0; iter < maxIter; iter++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = nearest(x, i, d, centroids, preferred[i], stickiness);
        if (best != labels[i]) {
          labels[i] = best;
          changed = true;
        }
      }
      if (!changed) break;
      double[][] sums = new double[m][d];
      for (int c = 0; c < m; c++) {
        double w = priorWeight.get(c);
        float[] p = prior.get(c);
        for (int j = 0; j < d; j++) sums[c][j] = w * p[j];
      }
      int[] counts = new int[m];
      for (int i = 0; i < n; i++) {
        double[] s = sums[labels[i]];
        counts[labels[i]]++;
        for (int j = 0; j < d; j++) s[j] += x[i * d + j];
      }
      for (int c = 0; c < m; c++) {
        // A cluster with no members and no past keeps its centroid (it dies afterwards if too small).
        // A new cluster's first centroid is its founders' mean direction; it moves once it has members.
        if (counts[c] == 0 && priorWeight.get(c) == 0) continue;
        float[] u = unit(sums[c]);
        if (u != null) centroids.set(c, u);
      }
    }
    return labels;
  }

  /** Index of the most similar centroid (ties: the lower index). */
  private static int nearest(float[] x, int i, int d, List<float[]> centroids) {
    return nearest(x, i, d, centroids, -1, 0);
  }

  /** The same with {@code bonus} added to the similarity of centroid {@code preferred} (if ≥ 0). */
  private static int nearest(float[] x, int i, int d, List<float[]> centroids, int preferred, double bonus) {
    int best = 0;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.size(); c++) {
      double s = dot(x, i * d, centroids.get(c), d) + (c == preferred ? bonus : 0);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    return best;
  }

  private List<float[]> births(float[] x, int n, int d, List<float[]> centroids) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (1 - dot(x, i * d, centroids.get(nearest(x, i, d, centroids)), d) > birthDistance) candidates.add(i);
    }
    List<float[]> out = new ArrayList<>();
    boolean[] used = new boolean[n];
    while (true) {
      int bestSeed = -1;
      List<Integer> bestGroup = List.of();
      for (int a : candidates) {
        if (used[a]) continue;
        List<Integer> group = new ArrayList<>();
        for (int b : candidates) {
          if (!used[b] && 1 - dot(x, a * d, x, b * d, d) <= birthDistance) group.add(b);
        }
        if (group.size() > bestGroup.size()) {
          bestGroup = group;
          bestSeed = a;
        }
      }
      if (bestSeed < 0 || bestGroup.size() < minClusterSize) return out;
      double[] sum = new double[d];
      for (int b : bestGroup) {
        used[b] = true;
        for (int j = 0; j < d; j++) sum[j] += x[b * d + j];
      }
      float[] u = unit(sum);
      if (u == null) return out;
      out.add(u);
    }
  }

  /** k-means++ on the unit sphere (squared euclidean = 2 − 2 cos), first centre uniformly at random. */
  private float[][] seeds(float[] x, int n, int d, SplittableRandom rng) {
    float[][] c = new float[k][];
    int first = rng.nextInt(n);
    c[0] = Arrays.copyOfRange(x, first * d, first * d + d);
    double[] closest = new double[n];
    for (int i = 0; i < n; i++) closest[i] = sq(x, i, d, c[0]);
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (double v : closest) total += v;
      int pick = n - 1;
      if (total <= 0) {
        pick = rng.nextInt(n);
      } else {
        double r = rng.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          acc += closest[i];
          if (acc > r) {
            pick = i;
            break;
          }
        }
      }
      c[j] = Arrays.copyOfRange(x, pick * d, pick * d + d);
      for (int i = 0; i < n; i++) closest[i] = Math.min(closest[i], sq(x, i, d, c[j]));
    }
    return c;
  }

  private static double sq(float[] x, int i, int d, float[] c) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double diff = x[i * d + j] - c[j];
      s += diff * diff;
    }
    return s;
  }

  private static double dot(float[] x, int off, float[] c, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) s += x[off + j] * c[j];
    return s;
  }

  private static double dot(float[] a, int offA, float[] b, int offB, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) s += a[offA + j] * b[offB + j];
    return s;
  }

  private static float[] unit(double[] v) {
    double s = 0;
    for (double e : v) s += e * e;
    if (s == 0) return null;
    double inv = 1 / Math.sqrt(s);
    float[] u = new float[v.length];
    for (int j = 0; j < v.length; j++) u[j] = (float) (v[j] * inv);
    return u;
  }
}
