package org.interestlab.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;

/** Per-user event lists, ordered by time (then by position in the dataset, so ties are reproducible). */
final class UserHistory {
  private UserHistory() {}

  /** Interactions and tags of each user, oldest first. */
  static List<List<Interaction>> byUser(Dataset d, boolean withTags) {
    List<List<Interaction>> out = new ArrayList<>(d.numUsers());
    for (int u = 0; u < d.numUsers(); u++) out.add(new ArrayList<>());
    for (Interaction i : d.interactions()) out.get(i.user()).add(i);
    if (withTags) for (Interaction i : d.tags()) out.get(i.user()).add(i);
    // List.sort is stable: equal timestamps keep dataset order.
    for (List<Interaction> l : out) l.sort(Comparator.comparingLong(Interaction::timestamp));
    return out;
  }
}
