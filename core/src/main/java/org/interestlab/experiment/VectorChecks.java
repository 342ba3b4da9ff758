package org.interestlab.experiment;

import java.util.BitSet;
import java.util.Locale;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.profile.ReviewProfiler;
import org.interestlab.profile.UserProfiles;

/**
 * Stops a run whose item or user vectors cannot tell anything apart — most items without any text,
 * every vector the same — before clustering and recommending turn that into a confusing downstream
 * error (a clusterer finding one cluster, a content model ranking at random). Each message is one
 * line naming the config option that fixes it (exit 2).
 */
final class VectorChecks {
  /** Vectors closer than this (max absolute difference) count as the same. */
  private static final double SAME = 1e-6;

  private VectorChecks() {}

  /** Item vectors: at most half may be empty (no content), and they must not all be the same. */
  static void items(Embeddings items, ExperimentConfig config) {
    int empty = 0;
    for (int i = 0; i < items.rows(); i++) if (isZero(items, i)) empty++;
    String where = config.file() + ": item vectors";
    if (items.rows() > 0 && 2 * empty > items.rows()) {
      throw new ConfigException(String.format(Locale.ROOT, "%s: %,d of %,d items have no text and no training review to embed — "
          + "set item_documents: { reviews: auto } (or always) to build them from the items' training reviews, or use a dataset "
          + "whose items have titles", where, empty, items.rows()));
    }
    if (allSame(items, null)) {
      throw new ConfigException(where + ": every item has the same vector (their texts do not differ) — set item_documents: "
          + "{ reviews: always } to build item vectors from the items' training reviews");
    }
  }

  /**
   * A warning when most items of a cold-start test part ({@code held-out-items}) have no content vector:
   * an item without text of its own loses its reviews with its interactions, so no model can tell such
   * items apart and every metric is 0 (Amazon 5-core items carry no titles). Null when all is well.
   */
  static String heldOutItemsWithoutText(boolean[] hasContent, Dataset test) {
    BitSet items = new BitSet();
    for (Interaction x : test.interactions()) items.set(x.item());
    int without = 0;
    for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) if (!hasContent[i]) without++;
    if (2 * without <= items.cardinality()) return null;
    return String.format(Locale.ROOT, "split held-out-items: %,d of %,d held-out items have no text of their own, and their "
        + "reviews are held out with them, so no model can score them (all such items tie; metrics on them are 0) — use a "
        + "dataset whose items carry text, e.g. movielens-latest-small", without, items.cardinality());
  }

  /**
   * User profiles: review profilers need most users to have written something; the profiles of the
   * users who have one must not all be the same.
   */
  static void users(UserProfiles profiles, Dataset train, ExperimentConfig config) {
    String kind = config.profile().kind();
    String where = config.file() + ": profile " + kind;
    if (kind.startsWith("review-")) {
      int silent = ReviewProfiler.usersWithoutReviews(train);
      int active = profiles.presentUsers().length;
      if (active > 0 && 2 * silent > active) {
        throw new ConfigException(String.format(Locale.ROOT, "%s: %,d of %,d users wrote no review text in training — use "
            + "profile: { kind: mean } (the vectors of the items they chose) instead", where, silent, active));
      }
    }
    int[] present = profiles.presentUsers();
    int active = 0;
    for (boolean b : activeUsers(train)) if (b) active++;
    if (active > 0 && 2 * present.length < active) {
      throw new ConfigException(String.format(Locale.ROOT, "%s: only %,d of %,d users have a profile (most have no text) — use "
          + "profile: { kind: mean } or { kind: review-mean }, which fall back to item vectors", where, present.length, active));
    }
    if (present.length > 1 && allSame(profiles.vectors(), present)) {
      throw new ConfigException(where + ": every user has the same profile vector (the texts behind them do not differ) — use "
          + "profile: { kind: review-mean } (each user's own reviews) or item_documents: { reviews: always }");
    }
  }

  private static boolean[] activeUsers(Dataset train) {
    boolean[] active = new boolean[train.numUsers()];
    train.interactions().forEach(i -> active[i.user()] = true);
    return active;
  }

  private static boolean isZero(Embeddings v, int row) {
    for (int j = 0; j < v.dim(); j++) if (v.data()[row * v.dim() + j] != 0f) return false;
    return true;
  }

  /** Whether the rows (all, or those listed) are all within {@link #SAME} of the first. */
  private static boolean allSame(Embeddings v, int[] rows) {
    int n = rows == null ? v.rows() : rows.length;
    if (n < 2) return false;
    int d = v.dim();
    int first = rows == null ? 0 : rows[0];
    for (int r = 1; r < n; r++) {
      int row = rows == null ? r : rows[r];
      for (int j = 0; j < d; j++) if (Math.abs(v.data()[row * d + j] - v.data()[first * d + j]) > SAME) return false;
    }
    return true;
  }
}
