package org.interestlab.profile;

import org.interestlab.data.Dataset;

/**
 * A profiler bound to its encoder and item vectors: any history of the users and items it was
 * fitted on → one profile per user. Transforming never mutates the history.
 */
@FunctionalInterface
public interface FittedProfiler {
  /** Profiles of every user of {@code history}, built only from the events in it. */
  UserProfiles transform(Dataset history);
}
