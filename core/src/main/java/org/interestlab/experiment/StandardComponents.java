package org.interestlab.experiment;

import org.interestlab.data.DatasetSource;
import org.interestlab.data.DatasetSources;
import org.interestlab.data.HeldOutItemsSplit;
import org.interestlab.data.LeaveLastOutSplit;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.TemporalSplit;
import org.interestlab.data.UserPartsSplit;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.encode.SentenceEncoders;
import org.interestlab.encode.TfIdfEncoder;
import org.interestlab.params.ComponentSpec;

/** Registers every built-in component, one line each; kinds are listed in messages in this order. */
final class StandardComponents {
  private StandardComponents() {}

  static void registerAll(Registry r) {
    Registry.Core.register(r);

    r.register(Stage.DATASET, DatasetLoaders.bundled(SyntheticInterestsSource.SPEC));
    for (ComponentSpec<DatasetSource> source : DatasetSources.specs()) r.register(Stage.DATASET, DatasetLoaders.downloaded(source));

    r.register(Stage.SPLIT, TemporalSplit.SPEC);
    r.register(Stage.SPLIT, LeaveLastOutSplit.SPEC);
    r.register(Stage.SPLIT, RatioSplit.SPEC);
    r.register(Stage.SPLIT, UserPartsSplit.SPEC);
    r.register(Stage.SPLIT, HeldOutItemsSplit.SPEC);

    r.register(Stage.ENCODER, TfIdfEncoder.SPEC);
    r.register(Stage.ENCODER, SentenceEncoders.MINILM_L6);
    r.register(Stage.ENCODER, SentenceEncoders.BGE_SMALL_ZH);
    r.register(Stage.ENCODER, SentenceEncoders.ONNX_DIRECTORY);
  }
}
