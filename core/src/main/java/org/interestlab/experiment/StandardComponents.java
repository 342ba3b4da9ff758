package org.interestlab.experiment;

import org.interestlab.data.AmazonReviews5CoreSource;
import org.interestlab.data.LeaveLastOutSplit;
import org.interestlab.data.MovieLens100kSource;
import org.interestlab.data.MovieLens1mSource;
import org.interestlab.data.MovieLensLatestSmallSource;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.TemporalSplit;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.encode.SentenceEncoders;
import org.interestlab.encode.TfIdfEncoder;

/** Registers every built-in component, one line each; kinds are listed in messages in this order. */
final class StandardComponents {
  private StandardComponents() {}

  static void registerAll(Registry r) {
    Registry.Core.register(r);

    r.register(Stage.DATASET, DatasetLoaders.bundled(SyntheticInterestsSource.SPEC));
    r.register(Stage.DATASET, DatasetLoaders.downloaded(MovieLens100kSource.SPEC));
    r.register(Stage.DATASET, DatasetLoaders.downloaded(MovieLens1mSource.SPEC));
    r.register(Stage.DATASET, DatasetLoaders.downloaded(MovieLensLatestSmallSource.SPEC));
    r.register(Stage.DATASET, DatasetLoaders.downloaded(AmazonReviews5CoreSource.SPEC));

    r.register(Stage.SPLIT, TemporalSplit.SPEC);
    r.register(Stage.SPLIT, LeaveLastOutSplit.SPEC);
    r.register(Stage.SPLIT, RatioSplit.SPEC);

    r.register(Stage.ENCODER, TfIdfEncoder.SPEC);
    r.register(Stage.ENCODER, SentenceEncoders.MINILM_L6);
    r.register(Stage.ENCODER, SentenceEncoders.BGE_SMALL_ZH);
    r.register(Stage.ENCODER, SentenceEncoders.ONNX_DIRECTORY);
  }
}
