package org.interestlab.cluster;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParameterException;
import org.interestlab.params.Params;

/**
 * Agglomerative (bottom-up hierarchical) clustering with Ward, average or complete linkage over
 * Euclidean or cosine distances, built by the nearest-neighbour chain algorithm (Murtagh,
 * "A survey of recent advances in hierarchical clustering algorithms", Computer Journal 26(4),
 * 1983; Müllner, "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378,
 * 2011), as SciPy's {@code linkage} builds it for scikit-learn's {@code AgglomerativeClustering}.
 *
 * <p>The tree is cut into {@code k} clusters, or — when {@code distanceThreshold > 0} — into the
 * clusters whose merges all lie below the threshold (then {@code k} is ignored). Labels follow
 * scikit-learn's numbering exactly ({@code _hc_cut}: the order of the cut nodes in its heap), so the
 * same input gives the same label array. Distances are computed in double precision from the
 * float32 values; cosine distance is 1 − x·y / (‖x‖‖y‖) (zero vectors are rejected). Ward linkage
 * is defined for Euclidean distances only.
 *
 * <p>Cost: O(n² d) to compute the distances, O(n²) for the chain; memory n(n − 1)/2 doubles
 * (0.4 GB at n = 10,000), so input above {@code maxPoints} points is rejected with a
 * {@link UserException} before anything is allocated, as is input whose matrix would not fit in the
 * JVM's heap.
 *
 * <pre>{@code
 * Clustering c = new Agglomerative(8, Agglomerative.Linkage.WARD, Agglomerative.DistanceMetric.EUCLIDEAN, 0, 10_000).fit(vectors);
 * }</pre>
 *
 * @param k number of clusters (ignored when {@code distanceThreshold > 0})
 * @param linkage how the distance between two clusters is defined
 * @param metric point distance
 * @param distanceThreshold cut height, 0 = cut at {@code k} clusters
 * @param maxPoints largest input accepted (the distance matrix grows with its square)
 */
public record Agglomerative(int k, Linkage linkage, DistanceMetric metric, double distanceThreshold, int maxPoints)
    implements Clusterer {

  static final String KIND = "agglomerative";
  /** Above this, n(n − 1)/2 no longer fits in one Java array. */
  public static final int MAX_POINTS_LIMIT = 65_000;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("k", 12, 1, 1_000_000, "number of clusters (ignored when distance_threshold > 0)"),
      choice("linkage", "ward", List.of("ward", "average", "complete"), "between-cluster distance"),
      choice("metric", "euclidean", List.of("euclidean", "cosine"), "point distance (ward: euclidean only)"),
      real("distance_threshold", 0.0, 0, Double.MAX_VALUE, false, "cut height; 0 = cut at k clusters"),
      integer("max_points", 10_000, 1, MAX_POINTS_LIMIT, "largest input accepted (memory grows as n²)"));

  /** The config's {@code clusterer: { kind: agglomerative }}. */
  public static final ComponentSpec<Agglomerative> SPEC = new ComponentSpec<>(KIND,
      "hierarchical clustering (nearest-neighbour chain), Ward, average or complete linkage", PARAMS, (p, seed) -> from(p));

  /** Between-cluster distance, updated by the Lance–Williams formulas. */
  public enum Linkage {
    /** Increase of the within-cluster sum of squares (Ward 1963). */
    WARD("ward"),
    /** Mean pairwise distance (UPGMA). */
    AVERAGE("average"),
    /** Largest pairwise distance. */
    COMPLETE("complete");

    private final String configName;

    Linkage(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    /** The linkage a config names; anything else is a {@link ParameterException} naming {@code linkage}. */
    public static Linkage parse(String s) {
      PARAMS.check("linkage", s);
      for (Linkage l : values()) if (l.configName.equals(s)) return l;
      throw new IllegalStateException("linkage '" + s + "' is declared but not implemented");
    }
  }


  /**
   * The full merge tree in scikit-learn's {@code children_} convention: merge {@code i} joins nodes
   * {@code children[i][0] < children[i][1]} (leaves are 0..n−1, merge i makes node n + i) at height
   * {@code distances[i]}; merges are in increasing height.
   */
  public record Tree(int leaves, int[][] children, double[] distances) {
    /** Number of clusters when the tree is cut at {@code threshold}: merges at or above it are undone. */
    public int clustersAt(double threshold) {
      int above = 0;
      for (double h : distances) if (h >= threshold) above++;
      return above + 1;
    }

    /** Labels of the cut into {@code clusters} clusters, numbered as scikit-learn's {@code _hc_cut}. */
    public int[] cut(int clusters) {
      if (clusters < 1 || clusters > leaves) throw new IllegalArgumentException("cannot cut " + leaves + " leaves into " + clusters);
      int[] label = new int[leaves];
      if (leaves == 1) return label;
      // A min-heap of negated node ids, kept exactly as Python's heapq keeps it: the label of a cut
      // node is its position in the heap's array.
      List<Integer> heap = new ArrayList<>();
      heap.add(-(Math.max(children[leaves - 2][0], children[leaves - 2][1]) + 1));
      for (int c = 1; c < clusters; c++) {
        int[] these = children[-heap.get(0) - leaves];
        heapPush(heap, -these[0]);
        heapPushPop(heap, -these[1]);
      }
      for (int i = 0; i < heap.size(); i++) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(-heap.get(i));
        while (!stack.isEmpty()) {
          int node = stack.pop();
          if (node < leaves) label[node] = i;
          else {
            stack.push(children[node - leaves][0]);
            stack.push(children[node - leaves][1]);
          }
        }
      }
      return label;
    }

    private static void heapPush(List<Integer> heap, int item) {
      heap.add(item);
      siftDown(heap, 0, heap.size() - 1);
    }

    private static void heapPushPop(List<Integer> heap, int item) {
      if (!heap.isEmpty() && heap.get(0) < item) {
        heap.set(0, item);
        siftUp(heap, 0);
      }
    }

    private static void siftDown(List<Integer> heap, int start, int pos) {
      int item = heap.get(pos);
      while (pos > start) {
        int parent = (pos - 1) >> 1;
        if (item < heap.get(parent)) {
          heap.set(pos, heap.get(parent));
          pos = parent;
          continue;
        }
        break;
      }
      heap.set(pos, item);
    }

    private static void siftUp(List<Integer> heap, int pos) {
      int end = heap.size();
      int start = pos;
      int item = heap.get(pos);
      int child = 2 * pos + 1;
      while (child < end) {
        int right = child + 1;
        if (right < end && !(heap.get(child) < heap.get(right))) child = right;
        heap.set(pos, heap.get(child));
        pos = child;
        child = 2 * pos + 1;
      }
      heap.set(pos, item);
      siftDown(heap, start, pos);
    }
  }

  /** A null {@code linkage} or {@code metric} takes its declared default. */
  public Agglomerative {
    if (linkage == null) linkage = Linkage.parse((String) PARAMS.spec("linkage").defaultValue());
    if (metric == null) metric = DistanceMetric.parse((String) PARAMS.spec("metric").defaultValue());
    PARAMS.check("k", k);
    PARAMS.check("distance_threshold", distanceThreshold);
    PARAMS.check("max_points", maxPoints);
    if (linkage == Linkage.WARD && metric != DistanceMetric.EUCLIDEAN) {
      throw ParameterException.conflict(KIND, "metric", metric.configName(), "linkage ward needs metric euclidean, got metric "
          + metric.configName() + " — use metric: euclidean, or linkage: average or complete with cosine");
    }
  }

  /** Built from validated parameters (see {@link #PARAMS}), as a config builds it. */
  public static Agglomerative from(Params p) {
    return new Agglomerative(p.getInt("k"), Linkage.parse(p.getString("linkage")), DistanceMetric.parse(p.getString("metric")),
        p.getDouble("distance_threshold"), p.getInt("max_points"));
  }

  /** Every parameter at the config's default: Ward linkage into 12 clusters, at most 10,000 points. */
  public static Agglomerative defaults() {
    return from(PARAMS.defaults());
  }

  /** Ward linkage into k clusters, at most 10,000 points (the config's defaults). */
  public static Agglomerative ward(int k) {
    return from(PARAMS.resolve(KIND, Map.of("k", k)));
  }

  @Override
  public Clustering fit(Embeddings points) {
    Tree tree = tree(points);
    int clusters = distanceThreshold > 0 ? tree.clustersAt(distanceThreshold) : k;
    if (distanceThreshold <= 0) ClusterChecks.clusters(KIND, "k", k, points.rows());
    return ClusterStats.of(points, tree.cut(clusters), clusters, points.rows() - 1);
  }

  /** The full merge tree (the input checks of {@link #fit} apply). */
  public Tree tree(Embeddings points) {
    ClusterChecks.points(KIND, points);
    int n = points.rows();
    if (n > maxPoints) {
      throw new UserException(String.format(Locale.ROOT, "%s: %d points is above max_points=%d (the distance matrix would take "
          + "%.1f GB) — raise max_points (at most %d) or use kmeans/minibatch-kmeans", KIND, n, maxPoints, matrixBytes(n) / 1e9,
          MAX_POINTS_LIMIT));
    }
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (matrixBytes(n) > free) {
      throw new UserException(String.format(Locale.ROOT, "%s: the distance matrix of %d points needs %.1f GB but the JVM has "
          + "%.1f GB free — give it more (LAB_JAVA_OPTS=\"-Xmx16g\") or cluster fewer points", KIND, n, matrixBytes(n) / 1e9,
          free / 1e9));
    }
    if (metric == DistanceMetric.COSINE) ClusterChecks.noZeroRows(KIND, points);
    if (n == 1) return new Tree(1, new int[0][], new double[0]);
    return nnChain(distances(points), n);
  }

  private static long matrixBytes(long n) {
    return n * (n - 1) / 2 * Double.BYTES;
  }

  /** Condensed distance matrix: entry (i, j), i &lt; j, at n i − i(i+1)/2 + j − i − 1 (SciPy's layout). */
  private double[] distances(Embeddings x) {
    int n = x.rows();
    int d = x.dim();
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) v[i] = x.data()[i];
    boolean cosine = metric == DistanceMetric.COSINE;
    double[] norms = new double[n];
    if (cosine) for (int i = 0; i < n; i++) norms[i] = Math.sqrt(dot(v, i, v, i, d));
    double[] dist = new double[(int) (matrixBytes(n) / Double.BYTES)];
    // Rows are independent, so the parallel result equals the sequential one.
    IntStream.range(0, n - 1).parallel().forEach(i -> {
      int base = (int) index(n, i, i + 1) - i - 1;
      for (int j = i + 1; j < n; j++) {
        if (cosine) {
          double c = dot(v, i, v, j, d) / (norms[i] * norms[j]);
          dist[base + j] = 1.0 - Math.max(-1.0, Math.min(1.0, c));
        } else {
          dist[base + j] = Math.sqrt(sqDist(v, i, j, d));
        }
      }
    });
    return dist;
  }

  /** Four accumulators, so the additions overlap. */
  private static double sqDist(double[] v, int i, int j, int d) {
    int a = i * d;
    int b = j * d;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int t = 0;
    for (; t + 3 < d; t += 4) {
      double d0 = v[a + t] - v[b + t], d1 = v[a + t + 1] - v[b + t + 1], d2 = v[a + t + 2] - v[b + t + 2], d3 = v[a + t + 3] - v[b + t + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; t < d; t++) {
      double diff = v[a + t] - v[b + t];
      s0 += diff * diff;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double dot(double[] v, int i, double[] w, int j, int d) {
    int a = i * d;
    int b = j * d;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int t = 0;
    for (; t + 3 < d; t += 4) {
      s0 += v[a + t] * w[b + t];
      s1 += v[a + t + 1] * w[b + t + 1];
      s2 += v[a + t + 2] * w[b + t + 2];
      s3 += v[a + t + 3] * w[b + t + 3];
    }
    for (; t < d; t++) s0 += v[a + t] * w[b + t];
    return (s0 + s1) + (s2 + s3);
  }

  private static long index(long n, long i, long j) {
    if (i > j) {
      long t = i;
      i = j;
      j = t;
    }
    return n * i - i * (i + 1) / 2 + j - i - 1;
  }

  /**
   * The nearest-neighbour chain: follow nearest neighbours until two clusters are each other's
   * nearest, merge them, update distances with the Lance–Williams formula, continue from the rest
   * of the chain. Ties and bookkeeping follow SciPy's {@code nn_chain}, then merges are sorted by
   * height (stably) and relabelled with a union-find, so the tree equals SciPy's.
   */
  private Tree nnChain(double[] dist, int n) {
    // Entry (i, j), i < j, is at rowStart[i] + j: no multiplications in the inner loops.
    int[] rowStart = new int[n];
    for (int i = 0; i < n - 1; i++) rowStart[i] = (int) index(n, i, i + 1) - i - 1;
    int[] size = new int[n];
    Arrays.fill(size, 1);
    int[] chain = new int[n];
    int chainLength = 0;
    int[] zx = new int[n - 1];
    int[] zy = new int[n - 1];
    double[] zd = new double[n - 1];
    for (int step = 0; step < n - 1; step++) {
      if (chainLength == 0) {
        for (int i = 0; i < n; i++) {
          if (size[i] > 0) {
            chain[0] = i;
            break;
          }
        }
        chainLength = 1;
      }
      int x;
      int y = -1;
      double currentMin;
      while (true) {
        x = chain[chainLength - 1];
        // Prefer the previous element of the chain on ties, so the chain cannot cycle.
        if (chainLength > 1) {
          y = chain[chainLength - 2];
          currentMin = dist[at(rowStart, x, y)];
        } else {
          currentMin = Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
          if (size[i] == 0 || i == x) continue;
          double v = dist[at(rowStart, x, i)];
          if (v < currentMin) {
            currentMin = v;
            y = i;
          }
        }
        if (chainLength > 1 && y == chain[chainLength - 2]) break;
        chain[chainLength++] = y;
      }
      chainLength -= 2;
      if (x > y) {
        int t = x;
        x = y;
        y = t;
      }
      int nx = size[x];
      int ny = size[y];
      zx[step] = x;
      zy[step] = y;
      zd[step] = currentMin;
      size[x] = 0;
      size[y] = nx + ny;
      for (int i = 0; i < n; i++) {
        int ni = size[i];
        if (ni == 0 || i == y) continue;
        int iy = at(rowStart, i, y);
        dist[iy] = update(dist[at(rowStart, i, x)], dist[iy], currentMin, nx, ny, ni);
      }
    }
    Integer[] order = new Integer[n - 1];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(zd[a], zd[b])); // stable, as numpy's mergesort
    int[] parent = new int[2 * n - 1];
    Arrays.fill(parent, -1);
    int nextLabel = n;
    int[][] children = new int[n - 1][];
    double[] heights = new double[n - 1];
    for (int r = 0; r < n - 1; r++) {
      int a = find(parent, zx[order[r]]);
      int b = find(parent, zy[order[r]]);
      children[r] = a < b ? new int[] {a, b} : new int[] {b, a};
      heights[r] = zd[order[r]];
      parent[a] = nextLabel;
      parent[b] = nextLabel;
      nextLabel++;
    }
    return new Tree(n, children, heights);
  }

  private static int at(int[] rowStart, int i, int j) {
    return i < j ? rowStart[i] + j : rowStart[j] + i;
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != -1) root = parent[root];
    while (parent[x] != -1 && parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Lance–Williams update: distance of cluster i to the merge of x and y. */
  private double update(double dxi, double dyi, double dxy, int nx, int ny, int ni) {
    return switch (linkage) {
      case COMPLETE -> Math.max(dxi, dyi);
      case AVERAGE -> (nx * dxi + ny * dyi) / (nx + ny);
      case WARD -> {
        double t = 1.0 / (nx + ny + ni);
        yield Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
      }
    };
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Agglomerative[k=%d, linkage=%s, metric=%s, distance_threshold=%s, max_points=%d]",
        k, linkage.configName(), metric.configName(), distanceThreshold, maxPoints);
  }
}
