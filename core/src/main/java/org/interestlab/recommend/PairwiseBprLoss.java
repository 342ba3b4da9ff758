package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Bayesian personalised ranking loss (Rendle et al., UAI 2009) on tower outputs:
 * {@code −mean_b ln σ(u_b·p_b − u_b·n_b)}, written as {@code mean softplus(−(x⁺ − x⁻))}, which stays
 * finite for any score gap. Predictions: user vectors {@code (B, f)} and item vectors {@code (2B, f)},
 * the B positives first, then the B sampled negatives in the same order; labels are not read.
 */
final class PairwiseBprLoss extends Loss {
  PairwiseBprLoss() {
    super("bpr");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray users = predictions.get(0);
    NDArray items = predictions.get(1);
    long b = users.getShape().get(0);
    NDArray positive = users.mul(items.get("0:" + b)).sum(new int[] {1});
    NDArray negative = users.mul(items.get(b + ":")).sum(new int[] {1});
    return Activation.softPlus(negative.sub(positive)).mean();
  }
}
