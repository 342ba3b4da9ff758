package org.interestlab.experiment;

import org.interestlab.data.Dataset;
import org.interestlab.data.synthetic.GroundTruth;

/**
 * A dataset and, where known, each user's ground-truth primary interest (dense user index →
 * class, {@code null} when the dataset has no ground truth) and the full planted truth (topics,
 * drift events; {@code null} unless the dataset is synthetic).
 */
public record LoadedDataset(Dataset dataset, int[] truthLabels, GroundTruth truth) {
  public LoadedDataset(Dataset dataset, int[] truthLabels) {
    this(dataset, truthLabels, null);
  }
}
