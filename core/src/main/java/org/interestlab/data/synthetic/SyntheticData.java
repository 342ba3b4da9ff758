package org.interestlab.data.synthetic;

import java.util.Objects;
import org.interestlab.data.Dataset;

/**
 * What {@link SyntheticInterests#generate} returns: the dataset, what was planted in it, and the
 * parameters that produced both.
 */
public record SyntheticData(Dataset dataset, GroundTruth truth, SyntheticInterests.Params params) {
  public SyntheticData {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(params, "params");
  }
}
