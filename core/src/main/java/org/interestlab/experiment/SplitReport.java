package org.interestlab.experiment;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Split;

/**
 * What a split kept and what it dropped, in the words a run prints: test events dropped because
 * their user or item never occurs in training, events removed by a k-core filter, and how many users
 * are evaluated. A split evaluating nobody is a {@link ConfigException} naming the split's keys; one
 * that drops more than half of its test events, or evaluates fewer than {@value #FEW_USERS} users,
 * gets a warning, since its metrics then describe a small or unusual part of the data.
 *
 * <pre>{@code
 * SplitReport r = SplitReport.of(data, split);
 * log.info(r.summary(kind));
 * r.warnings(kind).forEach(log::warn);
 * }</pre>
 *
 * @param events interactions before the split (and before any k-core filter)
 * @param users users of the dataset
 * @param train training interactions
 * @param test test interactions kept
 * @param dropped test interactions dropped (user or item unseen in training)
 * @param evaluated users with at least one kept test interaction
 */
record SplitReport(int events, int users, int train, int test, int dropped, int evaluated) {
  /** Fewer evaluated users than this earns a warning. */
  static final int FEW_USERS = 100;

  static SplitReport of(Dataset data, Split split) {
    BitSet evaluated = new BitSet();
    for (Interaction i : split.test().interactions()) evaluated.set(i.user());
    return new SplitReport(data.interactions().size(), data.numUsers(), split.train().interactions().size(),
        split.test().interactions().size(), split.droppedTest(), evaluated.cardinality());
  }

  /** Events a k-core filter removed before the split (0 without one). */
  int filtered() {
    return events - train - test - dropped;
  }

  /** One line: sizes, drops and evaluated users. */
  String summary(String kind) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "split %s: %,d train / %,d test interactions", kind, train, test));
    if (filtered() > 0) s.append(String.format(Locale.ROOT, "; k-core filter removed %,d of %,d interactions", filtered(), events));
    if (dropped > 0) s.append(String.format(Locale.ROOT, "; %,d test events dropped (user or item unseen in training)", dropped));
    s.append(String.format(Locale.ROOT, "; %,d of %,d users evaluated", evaluated, users));
    return s.toString();
  }

  /** The warnings this split earns, each one line (none for a usual split). */
  java.util.List<String> warnings(String kind) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int chosen = test + dropped;
    if (dropped * 2 > chosen) {
      out.add(String.format(Locale.ROOT, "split %s dropped %,d of %,d test events (%.0f%%) because their user or item is unseen"
          + " in training: the metrics describe the remaining %,d only", kind, dropped, chosen, 100.0 * dropped / chosen, test));
    }
    if (evaluated > 0 && evaluated < FEW_USERS) {
      out.add(String.format(Locale.ROOT, "split %s evaluates only %,d of %,d users (fewer than %d): metrics rest on few users"
          + " and their intervals are wide", kind, evaluated, users, FEW_USERS));
    }
    return out;
  }

  /** Throws when no user is evaluated: metrics would be NaN. */
  void requireTestUsers(String file, String kind, Map<String, Object> params) {
    if (evaluated > 0) return;
    String keys = params.entrySet().stream().map(e -> "split." + e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    throw new ConfigException(file + ": split: kind " + kind + (keys.isEmpty() ? "" : " with " + keys) + " leaves no test users ("
        + String.format(Locale.ROOT, "%,d test events chosen, %,d dropped as unseen in training", test + dropped, dropped)
        + "); allowed: a split whose test part keeps at least one user, e.g. a larger test_fraction or a smaller k_core");
  }
}
