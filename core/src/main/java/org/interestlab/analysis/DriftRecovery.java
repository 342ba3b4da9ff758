package org.interestlab.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.analysis.ClusterTracker;
import org.interestlab.analysis.DynamicInterests;
import org.interestlab.data.Dataset;
import org.interestlab.data.TimeWindows;
import org.interestlab.data.InterestTruth;

/**
 * How well tracked clusters recover planted interest changes (synthetic data with ground truth).
 *
 * <p>Each cluster of each window is named after the ground-truth topic most of its members hold as
 * their primary interest at the window's last second (ties: the lower topic index). A planted drift
 * of user {@code u} at time {@code τ} to topic {@code T} is <em>found</em> when the tracker reports a
 * drift of {@code u} in the window holding {@code τ} or the next one, into a cluster named {@code
 * T}. Users missing from those windows count as not found. The emerging topic is <em>found</em> when
 * a birth event at or after the window of its first day creates a cluster named after it.
 *
 * @param planted planted drift events of the dataset's users that fall into a window (a drift in the
 *     last window has only that window to be found in; it still counts)
 * @param found planted drifts found
 * @param reported drifts the tracker reported in total
 * @param reportedAtPlanted reported drifts of drifted users in the window of their drift or the next
 * @param emergingBirthWindow the first window with a birth named after the emerging topic, or −1
 * @param missed the planted drifts not found (user index), for inspection
 */
public record DriftRecovery(int planted, int found, int reported, int reportedAtPlanted, int emergingBirthWindow, List<Integer> missed) {
  public DriftRecovery {
    missed = List.copyOf(missed);
  }

  /** found / planted. */
  public double recall() {
    return planted == 0 ? Double.NaN : found / (double) planted;
  }

  /** Share of reported drifts that are at a planted drift (the rest are changes of users the truth calls stable, or ill-timed). */
  public double precision() {
    return reported == 0 ? Double.NaN : reportedAtPlanted / (double) reported;
  }

  public boolean emergingFound() {
    return emergingBirthWindow >= 0;
  }

  /** Per cluster of a window, the topic index it is named after: see the class comment. */
  public static Map<Integer, Integer> clusterTopics(ClusterTracker.Snapshot s, TimeWindows.Window w, Dataset data, InterestTruth truth) {
    Map<Integer, int[]> votes = new HashMap<>();
    for (int i = 0; i < s.users().length; i++) {
      int topic = truth.primaryInterestAt(data.users().get(s.users()[i]).id(), w.end() - 1);
      votes.computeIfAbsent(s.labels()[i], c -> new int[truth.numInterests()])[topic]++;
    }
    Map<Integer, Integer> out = new HashMap<>();
    votes.forEach((c, v) -> {
      int best = 0;
      for (int t = 1; t < v.length; t++) if (v[t] > v[best]) best = t;
      out.put(c, best);
    });
    return out;
  }

  public static DriftRecovery evaluate(DynamicInterests.Result r, Dataset data, InterestTruth truth) {
    List<TimeWindows.Window> ws = r.windows();
    List<Map<Integer, Integer>> topics = new ArrayList<>();
    for (int t = 0; t < ws.size(); t++) topics.add(clusterTopics(r.snapshots().get(t), ws.get(t), data, truth));
    // Reported drifts by user, in window order.
    Map<Integer, List<ClusterTracker.Drift>> byUser = new HashMap<>();
    for (ClusterTracker.Drift d : r.tracking().drifts()) byUser.computeIfAbsent(d.user(), u -> new ArrayList<>()).add(d);
    int planted = 0;
    int found = 0;
    int atPlanted = 0;
    List<Integer> missed = new ArrayList<>();
    for (Map.Entry<String, InterestTruth.Change> e : truth.interestChanges().entrySet()) {
      int u = data.userIndex(e.getKey());
      if (u < 0) continue;
      int w = TimeWindows.indexOf(ws, e.getValue().timestamp());
      if (w < 0) continue;
      planted++;
      boolean hit = false;
      for (ClusterTracker.Drift d : byUser.getOrDefault(u, List.of())) {
        if (d.window() != w && d.window() != w + 1) continue;
        atPlanted++;
        Integer named = topics.get(d.window()).get(d.toCluster());
        if (named != null && named == e.getValue().to()) hit = true;
      }
      if (hit) found++;
      else missed.add(u);
    }
    int emergingWindow = -1;
    InterestTruth.Emerging em = truth.emergingInterest().orElse(null);
    int emerging = em == null ? -1 : em.index();
    int start = em == null ? Integer.MAX_VALUE : TimeWindows.indexOf(ws, em.startTimestamp());
    for (ClusterTracker.Event ev : em == null ? List.<ClusterTracker.Event>of() : r.tracking().events()) {
      if (ev.type() != ClusterTracker.EventType.BIRTH || ev.window() < start) continue;
      Integer named = topics.get(ev.window()).get(ev.to().get(0));
      if (named != null && named == emerging) {
        emergingWindow = ev.window();
        break;
      }
    }
    return new DriftRecovery(planted, found, r.tracking().drifts().size(), atPlanted, emergingWindow, missed);
  }
}
