package org.interestlab.experiment;

import org.interestlab.data.Dataset;

/**
 * A dataset and, where known, each user's ground-truth primary interest (dense user index →
 * class, {@code null} when the dataset has no ground truth).
 */
public record LoadedDataset(Dataset dataset, int[] truthLabels) {}
