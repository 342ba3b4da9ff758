package org.interestlab.experiment;

/**
 * What a {@code dataset:} section builds: a loader that reads (or fetches) the data when the run
 * gets to it, and says up front whether the data has ground-truth interests, so configs asking
 * for ARI/NMI on data without them are rejected before any work.
 */
public interface DatasetLoader {
  boolean hasGroundTruth();

  LoadedDataset load();
}
