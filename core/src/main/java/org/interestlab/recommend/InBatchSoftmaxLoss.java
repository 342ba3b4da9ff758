package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Sampled softmax with in-batch negatives (as in Yi et al., "Sampling-Bias-Corrected Neural Modeling
 * for Large Corpus Item Recommendations", RecSys 2019, without their frequency correction): for a batch
 * of B (user, item) pairs the logits are all B × B dot products, and each user's own item is the class
 * to predict among the batch's items: {@code −mean_b log softmax_b(u_b · V ᵀ)[b]}. Popular items appear
 * in more batches and so serve more often as negatives. Predictions: user vectors {@code (B, f)}, item
 * vectors {@code (B, f)}; labels are not read.
 */
final class InBatchSoftmaxLoss extends Loss {
  InBatchSoftmaxLoss() {
    super("softmax");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.get(0).matMul(predictions.get(1).transpose());
    return logits.logSoftmax(1).diagonal().mean().neg();
  }
}
