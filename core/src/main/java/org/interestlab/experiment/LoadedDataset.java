package org.interestlab.experiment;

import org.interestlab.data.Dataset;
import org.interestlab.data.InterestTruth;

/**
 * A dataset and, where known, each user's ground-truth primary interest (dense user index →
 * class, {@code null} when the dataset has no ground truth) and the full planted truth (interest
 * names, changes, an emerging interest; {@code null} when the source supplies none).
 */
public record LoadedDataset(Dataset dataset, int[] truthLabels, InterestTruth truth) {
  public LoadedDataset(Dataset dataset, int[] truthLabels) {
    this(dataset, truthLabels, null);
  }
}
