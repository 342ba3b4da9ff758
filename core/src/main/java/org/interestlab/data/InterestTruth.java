package org.interestlab.data;

import java.util.Map;
import java.util.Optional;

/**
 * Ground-truth interests that a dataset source may supply alongside its data: which interest each
 * user holds (for ARI, NMI and the other external clustering metrics), when users changed interest
 * (for drift recovery) and whether an interest emerged during the data's time span. Any source can
 * implement it; the bundled synthetic dataset does, real datasets usually do not.
 *
 * <p>Interests are numbered {@code 0..numInterests()-1}.
 */
public interface InterestTruth {

  int numInterests();

  /** A readable name for an interest, e.g. "travel". */
  String interestName(int index);

  /** Each user's primary interest, per dense user index of {@code data}. */
  int[] primaryInterest(Dataset data);

  /** The primary interest of user {@code userId} at {@code timestamp} (Unix seconds). */
  int primaryInterestAt(String userId, long timestamp);

  /** Planted interest changes by user id (at most one per user); empty when the truth has none. */
  Map<String, Change> interestChanges();

  /** The interest that appears during the data's time span, if one does. */
  Optional<Emerging> emergingInterest();

  /** User changed primary interest {@code from → to} at {@code timestamp} (Unix seconds). */
  record Change(long timestamp, int from, int to) {}

  /** Interest {@code index} exists from {@code startTimestamp} (Unix seconds) on. */
  record Emerging(int index, String name, long startTimestamp) {}
}
