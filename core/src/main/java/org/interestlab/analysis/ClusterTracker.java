package org.interestlab.analysis;

import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.interestlab.UserException;
import org.interestlab.eval.TemporalStability;
import org.interestlab.params.ParamList;

/**
 * Follows clusters across consecutive time windows by member overlap and reports what happened to
 * them (after MONIC, Spiliopoulou et al. 2006, "MONIC: modeling and monitoring cluster
 * transitions", KDD): births, deaths, splits, merges and continuations, each with its member flows,
 * and the users whose tracked cluster changed (drifts).
 *
 * <p>Between windows {@code t−1} and {@code t}, over the users present in both, {@code flow(a, b)}
 * is the number of users in old cluster {@code a} and new cluster {@code b}. {@code a} and {@code
 * b} are <em>matched</em> when the flow is at least {@code minOverlap} of {@code a}'s shared users
 * and at least {@code minOverlap} of {@code b}'s: {@code b} took a real share of {@code a}, and a
 * real share of {@code b} came from {@code a}. When the snapshots carry centroids, {@code a} and
 * {@code b} are also matched when their centroids have cosine similarity at least {@code
 * minSimilarity} and the flow reaches {@code minOverlap} on one of the two sides: the same interest,
 * whose members churned (off with {@code minSimilarity > 1}). Then:
 *
 * <ul>
 *   <li><b>continue</b>: {@code a} matches only {@code b} and {@code b} only {@code a};
 *   <li><b>split</b>: {@code a} matches two or more new clusters;
 *   <li><b>merge</b>: {@code b} matches two or more old clusters;
 *   <li><b>birth</b>: {@code b} matches no old cluster (it also gets a birth when all its members
 *       are new users);
 *   <li><b>death</b>: {@code a} matches no new cluster.
 * </ul>
 *
 * <p>Tracks: every cluster belongs to a track (an interest followed over time). A new cluster
 * continues the track of the old cluster it shares most users with, if it is matched to it and is
 * also that old cluster's largest matched successor; otherwise it starts a new track. So a
 * continuation keeps its track, the largest part of a split keeps the parent's, and a merge keeps
 * the track of its largest contributor. A user <em>drifts</em> at window {@code t} when the track
 * of their cluster differs from the one at {@code t−1}.
 *
 * <p>{@code persistence}: a change counts as a drift only if the user is still on the new track in
 * the {@code persistence − 1} windows that follow (where present; the last windows need no
 * confirmation they cannot have). 1 reports every change; 2 ignores one-window excursions, the
 * usual jitter of users with several interests of similar weight.
 *
 * <p>By overlap alone, {@code minOverlap} above 0.5 rules out splits and merges (a cluster cannot
 * give more than half of its users to each of two others); the {@code dynamic:} config section
 * uses 0.4.
 *
 * <p>Cost: {@code O(users + old clusters · new clusters)} per transition.
 *
 * <pre>{@code
 * ClusterTracker.Tracking t = new ClusterTracker(0.3).track(List.of(
 *     ClusterTracker.Snapshot.of(usersJanuary, labelsJanuary), ClusterTracker.Snapshot.of(usersFebruary, labelsFebruary)));
 * t.events().forEach(System.out::println);
 * }</pre>
 *
 * @param minOverlap share of shared users that makes a match, in (0, 1]
 * @param minSimilarity centroid cosine similarity that, with a one-sided overlap, also makes a
 *     match, in [−1, 2] (above 1: off)
 * @param persistence windows a user must stay on the new track for the change to be a drift (≥ 1)
 */
public record ClusterTracker(double minOverlap, double minSimilarity, int persistence) {
  /** The parameters, as the config's {@code dynamic:} section names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("min_overlap", 0.4, 0, 1, true, "share of shared users that matches two clusters of consecutive windows"),
      real("min_similarity", 0.8, -1, 2, false,
          "centroid cosine similarity that, with min_overlap on one side only, also matches two clusters (above 1: off)"),
      integer("persistence", 1, 1, 1000, "windows a user must stay in a new cluster for the change to count as a drift"));

  public ClusterTracker {
    PARAMS.check("min_overlap", minOverlap);
    PARAMS.check("min_similarity", minSimilarity);
    PARAMS.check("persistence", persistence);
  }

  /** Matching by member overlap only, every track change reported. */
  public ClusterTracker(double minOverlap) {
    this(minOverlap, 2, 1);
  }

  /** Matching by member overlap only. */
  public ClusterTracker(double minOverlap, int persistence) {
    this(minOverlap, 2, persistence);
  }

  /** What happened to a cluster between two windows. */
  public enum EventType {
    BIRTH, DEATH, SPLIT, MERGE, CONTINUE;

    public String configName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One window's clusters: user {@code users[i]} (a dense user index, ascending, distinct) is in
   * cluster {@code labels[i]} (≥ 0).
   */
  public record Snapshot(int[] users, int[] labels, Map<Integer, float[]> centroids) {
    public Snapshot {
      if (users.length != labels.length) throw new IllegalArgumentException(users.length + " users for " + labels.length + " labels");
      for (int i = 0; i < users.length; i++) {
        if (i > 0 && users[i] <= users[i - 1]) throw new IllegalArgumentException("users must be ascending and distinct at position " + i);
        if (labels[i] < 0) throw new UserException("cluster tracker: label " + labels[i] + " of user " + users[i] + " is not a cluster (allowed: ≥ 0)");
      }
      users = users.clone();
      labels = labels.clone();
      centroids = centroids == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(centroids));
    }

    public static Snapshot of(int[] users, int[] labels) {
      return new Snapshot(users, labels, Map.of());
    }

    /** With each cluster's centroid (cluster id → vector), for matching by centroid similarity too. */
    public static Snapshot of(int[] users, int[] labels, Map<Integer, float[]> centroids) {
      return new Snapshot(users, labels, centroids);
    }

    /** Calls {@code visit} for every user present here and in {@code later}, in user order (a merge of the sorted user lists). */
    void forEachSharedUser(Snapshot later, SharedUser visit) {
      for (int i = 0, j = 0; i < users.length && j < later.users.length; ) {
        if (users[i] < later.users[j]) i++;
        else if (later.users[j] < users[i]) j++;
        else visit.accept(users[i], labels[i++], later.labels[j++]);
      }
    }

    /** Cluster of a user, or −1 when absent. */
    public int labelOf(int user) {
      int i = Arrays.binarySearch(users, user);
      return i >= 0 ? labels[i] : -1;
    }
  }

  /** A user present in two windows, with its cluster in each. */
  @FunctionalInterface
  interface SharedUser {
    void accept(int user, int earlierCluster, int laterCluster);
  }

  /** {@code users} users went from old cluster {@code from} to new cluster {@code to}. */
  public record Flow(int from, int to, int users) {}

  /**
   * An event at the transition into window {@code window} (≥ 1). {@code from} are old clusters,
   * {@code to} new ones (one side is empty for births and deaths); {@code flows} are the member
   * flows out of {@code from} (for births: into {@code to}), largest first.
   */
  public record Event(int window, EventType type, List<Integer> from, List<Integer> to, List<Flow> flows) {
    public Event {
      from = List.copyOf(from);
      to = List.copyOf(to);
      flows = List.copyOf(flows);
    }
  }

  /** User {@code user} moved from track {@code fromTrack} (cluster {@code fromCluster}) at window {@code window}. */
  public record Drift(int user, int window, int fromTrack, int toTrack, int fromCluster, int toCluster) {}

  /**
   * The result. {@code tracks.get(t)} maps each cluster of window {@code t} to its track id;
   * {@code stability.get(t − 1)} is the {@link TemporalStability} (ARI) between windows {@code t − 1}
   * and {@code t} on the users present in both (NaN when fewer than two are shared).
   */
  public record Tracking(List<Event> events, List<Drift> drifts, List<Map<Integer, Integer>> tracks, List<Double> stability) {
    public Tracking {
      events = List.copyOf(events);
      drifts = List.copyOf(drifts);
      tracks = tracks.stream().map(m -> (Map<Integer, Integer>) java.util.Collections.unmodifiableMap(new TreeMap<>(m))).toList();
      stability = List.copyOf(stability);
    }

    /** Track of a user at window {@code t}, or −1 when absent. */
    public int trackOf(Snapshot s, int t, int user) {
      int c = s.labelOf(user);
      return c < 0 ? -1 : tracks.get(t).get(c);
    }

    public long count(EventType type) {
      return events.stream().filter(e -> e.type() == type).count();
    }
  }

  /** Tracks clusters over the snapshots, in window order. */
  public Tracking track(List<Snapshot> windows) {
    if (windows.isEmpty()) throw new UserException("cluster tracker: no windows to track");
    List<Event> events = new ArrayList<>();
    List<Drift> drifts = new ArrayList<>();
    List<Map<Integer, Integer>> tracks = new ArrayList<>();
    List<Double> stability = new ArrayList<>();
    Map<Integer, Integer> first = new TreeMap<>();
    int nextTrack = 0;
    for (int c : new TreeSet<>(boxed(windows.get(0).labels()))) first.put(c, nextTrack++);
    tracks.add(first);
    for (int t = 1; t < windows.size(); t++) {
      Snapshot old = windows.get(t - 1);
      Snapshot now = windows.get(t);
      // Flows over the users present in both windows.
      Map<Long, Integer> flow = new HashMap<>();
      Map<Integer, Integer> oldShared = new TreeMap<>();
      Map<Integer, Integer> newShared = new TreeMap<>();
      old.forEachSharedUser(now, (u, a, b) -> {
        flow.merge(key(a, b), 1, Integer::sum);
        oldShared.merge(a, 1, Integer::sum);
        newShared.merge(b, 1, Integer::sum);
      });
      stability.add(TemporalStability.ari(old.users(), old.labels(), now.users(), now.labels()));
      TreeSet<Integer> oldClusters = new TreeSet<>(boxed(old.labels()));
      TreeSet<Integer> newClusters = new TreeSet<>(boxed(now.labels()));
      Map<Integer, List<Integer>> successors = new TreeMap<>();
      Map<Integer, List<Integer>> predecessors = new TreeMap<>();
      for (int a : oldClusters) successors.put(a, new ArrayList<>());
      for (int b : newClusters) predecessors.put(b, new ArrayList<>());
      for (Map.Entry<Long, Integer> e : new TreeMap<>(flow).entrySet()) {
        int a = (int) (e.getKey() >> 32);
        int b = (int) (long) e.getKey();
        int f = e.getValue();
        boolean ofA = f >= minOverlap * oldShared.get(a);
        boolean ofB = f >= minOverlap * newShared.get(b);
        if (ofA && ofB || (ofA || ofB) && similar(old.centroids().get(a), now.centroids().get(b))) {
          successors.get(a).add(b);
          predecessors.get(b).add(a);
        }
      }
      final int window = t;
      for (int a : oldClusters) {
        List<Integer> s = successors.get(a);
        List<Flow> out = flowsFrom(a, flow);
        if (s.isEmpty()) events.add(new Event(window, EventType.DEATH, List.of(a), List.of(), out));
        else if (s.size() >= 2) events.add(new Event(window, EventType.SPLIT, List.of(a), s, out));
        else if (predecessors.get(s.get(0)).size() == 1) events.add(new Event(window, EventType.CONTINUE, List.of(a), s, out));
      }
      for (int b : newClusters) {
        List<Integer> p = predecessors.get(b);
        if (p.isEmpty()) events.add(new Event(window, EventType.BIRTH, List.of(), List.of(b), flowsInto(b, flow)));
        else if (p.size() >= 2) events.add(new Event(window, EventType.MERGE, p, List.of(b), flowsInto(b, flow)));
      }
      // Tracks: a new cluster continues its largest matched predecessor when it is that one's largest matched successor.
      Map<Integer, Integer> prevTracks = tracks.get(t - 1);
      Map<Integer, Integer> cur = new TreeMap<>();
      for (int b : newClusters) {
        Integer heir = null;
        int bestFlow = -1;
        for (int a : predecessors.get(b)) {
          int f = flow.get(key(a, b));
          if (f > bestFlow) {
            bestFlow = f;
            heir = a;
          }
        }
        if (heir != null && largestSuccessor(heir, successors.get(heir), flow) == b) cur.put(b, prevTracks.get(heir));
        else cur.put(b, nextTrack++);
      }
      tracks.add(cur);
      old.forEachSharedUser(now, (u, a, b) -> {
        int from = prevTracks.get(a);
        int to = cur.get(b);
        if (from != to) drifts.add(new Drift(u, window, from, to, a, b));
      });
    }
    return new Tracking(events, persistent(drifts, windows, tracks), tracks, stability);
  }

  /** The drifts whose user stays on the new track for {@code persistence} windows (where present). */
  private List<Drift> persistent(List<Drift> drifts, List<Snapshot> windows, List<Map<Integer, Integer>> tracks) {
    if (persistence == 1) return drifts;
    List<Drift> out = new ArrayList<>();
    for (Drift d : drifts) {
      boolean stays = true;
      for (int t = d.window() + 1; t < Math.min(windows.size(), d.window() + persistence) && stays; t++) {
        int c = windows.get(t).labelOf(d.user());
        if (c >= 0 && tracks.get(t).get(c) != d.toTrack()) stays = false;
      }
      if (stays) out.add(d);
    }
    return out;
  }

  private boolean similar(float[] a, float[] b) {
    if (minSimilarity > 1 || a == null || b == null) return false;
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += (double) a[j] * b[j];
      na += (double) a[j] * a[j];
      nb += (double) b[j] * b[j];
    }
    return na > 0 && nb > 0 && dot / Math.sqrt(na * nb) >= minSimilarity;
  }

  private static int largestSuccessor(int a, List<Integer> successors, Map<Long, Integer> flow) {
    int best = -1;
    int bestFlow = -1;
    for (int b : successors) {
      int f = flow.get(key(a, b));
      if (f > bestFlow) {
        bestFlow = f;
        best = b;
      }
    }
    return best;
  }

  private static List<Flow> flowsFrom(int a, Map<Long, Integer> flow) {
    List<Flow> out = new ArrayList<>();
    flow.forEach((k, f) -> {
      if ((int) (k >> 32) == a) out.add(new Flow(a, (int) (long) k, f));
    });
    out.sort((x, y) -> x.users() != y.users() ? Integer.compare(y.users(), x.users()) : Integer.compare(x.to(), y.to()));
    return out;
  }

  private static List<Flow> flowsInto(int b, Map<Long, Integer> flow) {
    List<Flow> out = new ArrayList<>();
    flow.forEach((k, f) -> {
      if ((int) (long) k == b) out.add(new Flow((int) (k >> 32), b, f));
    });
    out.sort((x, y) -> x.users() != y.users() ? Integer.compare(y.users(), x.users()) : Integer.compare(x.from(), y.from()));
    return out;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static List<Integer> boxed(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
