package org.interestlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.interestlab.UserException;
import org.interestlab.data.Dataset;
import org.interestlab.data.TimeWindows;
import org.interestlab.compute.Embeddings;
import org.interestlab.profile.UserProfiles;

/**
 * Interests over time: the dataset cut into {@link TimeWindows}, a profile per user per window
 * built from everything the user did before the window's end (the profiler decides how old
 * evidence decays, e.g. {@code recency-mean}'s half-life), {@link StreamingKMeans} over the
 * windows, and {@link ClusterTracker} over its clusters.
 *
 * <p>A user takes part in a window once they have any interaction before its end.
 *
 * <pre>{@code
 * DynamicInterests.Result r = new DynamicInterests(new TimeWindows(30), streaming, new ClusterTracker(0.3))
 *     .run(data, new MeanItemProfiler(21).fit(data, encoder, itemVectors)::transform);
 * }</pre>
 */
public record DynamicInterests(TimeWindows windows, StreamingKMeans clusterer, ClusterTracker tracker) {

  /**
   * @param windows the time windows
   * @param snapshots per window, its users (dense indices, ascending) and cluster ids
   * @param clusterings per window, the streaming k-means result (labels in snapshot user order)
   * @param tracking events, drifts, tracks and stability
   */
  public record Result(List<TimeWindows.Window> windows, List<ClusterTracker.Snapshot> snapshots,
      List<StreamingKMeans.Window> clusterings, ClusterTracker.Tracking tracking) {
    public Result {
      windows = List.copyOf(windows);
      snapshots = List.copyOf(snapshots);
      clusterings = List.copyOf(clusterings);
    }
  }

  /** Runs every window; {@code profileOf} builds profiles from a dataset cut at a window's end. */
  public Result run(Dataset data, Function<Dataset, UserProfiles> profileOf) {
    List<TimeWindows.Window> ws = windows.of(data);
    if (ws.size() < 2) {
      throw new UserException("dynamic interests: " + data.name() + " spans only one window of " + windows.days()
          + " days — use a shorter window_days");
    }
    List<int[]> users = new ArrayList<>();
    List<Embeddings> points = new ArrayList<>();
    for (TimeWindows.Window w : ws) {
      UserProfiles p = profileOf.apply(w.upToEnd(data));
      int[] present = p.presentUsers();
      users.add(present);
      points.add(p.vectors().select(present));
    }
    List<StreamingKMeans.Window> clusterings = clusterer.fit(points, users);
    List<ClusterTracker.Snapshot> snapshots = new ArrayList<>();
    for (int t = 0; t < ws.size(); t++) {
      StreamingKMeans.Window c = clusterings.get(t);
      java.util.Map<Integer, float[]> centroids = new java.util.TreeMap<>();
      for (int i = 0; i < c.numClusters(); i++) centroids.put(c.ids()[i], c.centroids().row(i));
      snapshots.add(ClusterTracker.Snapshot.of(users.get(t), c.labels(), centroids));
    }
    return new Result(ws, snapshots, clusterings, tracker.track(snapshots));
  }
}
