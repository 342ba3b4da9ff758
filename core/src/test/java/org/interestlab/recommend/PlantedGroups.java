package org.interestlab.recommend;

import java.util.List;
import java.util.Map;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;

/**
 * Tiny data with a planted structure for factor models: two groups of four users with disjoint
 * item sets (users 0–3 use items 0–3, users 4–7 items 4–7). Each user interacted with every item of
 * their group except one, the held-out positive {@link #heldOut}: user {@code u} misses item {@code
 * u}. Every item is then used by exactly three users (the group's other three), so popularity ties
 * and cannot explain a ranking.
 *
 * <p>What a model should do, by reasoning: the user's held-out item was used by all three other
 * members of their group, who share all but one item with the user; the four items of the other
 * group were never used by anyone who shares a single item with the user. Any model that learns
 * co-occurrence ranks the held-out item first among the user's five unseen items.
 */
final class PlantedGroups {
  static final int USERS = 8;
  static final int ITEMS = 8;

  private PlantedGroups() {}

  static Dataset data() {
    Dataset.Builder b = Dataset.builder("planted-groups");
    for (int i = 0; i < ITEMS; i++) b.item(new Item("i" + i, "item " + i, "", List.of()));
    long t = 0;
    for (int u = 0; u < USERS; u++) {
      b.user(new User("u" + u, Map.of()));
      int first = u < 4 ? 0 : 4;
      for (int i = first; i < first + 4; i++) if (i != heldOut(u)) b.interaction("u" + u, "i" + i, 4.0, t++, null);
    }
    return b.build();
  }

  /** The item of the user's group the user did not interact with. */
  static int heldOut(int user) {
    return user;
  }
}
