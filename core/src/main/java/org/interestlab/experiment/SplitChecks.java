package org.interestlab.experiment;

import java.util.Locale;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;

/**
 * Config values that only the data can prove wrong, checked right after the split and before any
 * encoding or fitting, so the message names the config key (not the component that would fail
 * later): a dataset that loaded nothing, a {@code split.k_core} filter that leaves no training
 * interactions, a {@code clusterer.k} larger than the number of users there are to cluster.
 */
final class SplitChecks {
  private SplitChecks() {}

  /** Before the split: the dataset has something to split. */
  static void loaded(ExperimentConfig config, Dataset data) {
    if (data.interactions().isEmpty()) {
      throw new ConfigException(config.file() + ": dataset: '" + data.name() + "' loaded no interactions ("
          + data.numUsers() + " users, " + data.numItems() + " items) — are its files empty?");
    }
  }

  /** After the split: the k-core filter left training data, and the clusterer's k fits the users. */
  static void split(ExperimentConfig config, Dataset all, Dataset train) {
    int users = usersWithInteractions(train);
    ComponentConfig split = config.split();
    if (train.interactions().isEmpty() && split.params().has("k_core") && split.params().getInt("k_core") > 0) {
      throw new ConfigException(String.format(Locale.ROOT, "%s: split.k_core: %d leaves no training interactions (0 users, 0 items of %,d "
          + "users, %,d items with %,d interactions) — allowed: a smaller k_core, or 0 for no filter", config.file(),
          split.params().getInt("k_core"), all.numUsers(), all.numItems(), all.interactions().size()));
    }
    ComponentConfig clusterer = config.clusterer();
    if (clusterer != null && clusterer.params().values().get("k") instanceof Integer k) {
      if (k > users) {
        throw new ConfigException(config.file() + ": clusterer.k: " + k + " is more than the " + users + " users to cluster (users with "
            + "training interactions after the split) — allowed: at most " + users);
      }
    }
  }

  private static int usersWithInteractions(Dataset d) {
    boolean[] seen = new boolean[d.numUsers()];
    for (Interaction x : d.interactions()) seen[x.user()] = true;
    int n = 0;
    for (boolean b : seen) if (b) n++;
    return n;
  }
}
