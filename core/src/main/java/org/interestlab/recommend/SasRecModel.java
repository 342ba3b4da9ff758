package org.interestlab.recommend;

/**
 * A fitted {@link SasRecRecommender}, held in Java arrays: each user's state after their latest
 * training item and every item's embedding; a score is their dot product ({@code O(items · d)} per
 * user). Users without training events are not covered.
 */
final class SasRecModel implements FittedRecommender {
  private final SasRecSequences seqs;
  private final float[] userStates;
  private final float[] itemEmbeddings;
  private final int hidden;
  private final int epochs;

  SasRecModel(SasRecSequences seqs, float[] userStates, float[] itemEmbeddings, int hidden, int epochs) {
    this.seqs = seqs;
    this.userStates = userStates;
    this.itemEmbeddings = itemEmbeddings;
    this.hidden = hidden;
    this.epochs = epochs;
  }

  /** Epochs of the final training, the count early stopping chose. */
  int epochs() {
    return epochs;
  }

  @Override
  public boolean covers(int user) {
    return seqs.items()[user].length > 0;
  }

  @Override
  public double[] scores(int user) {
    if (!covers(user)) throw new IllegalArgumentException("user " + user + " has no training events");
    int items = seqs.numItems();
    double[] out = new double[items];
    int uo = user * hidden;
    for (int i = 0; i < items; i++) {
      double dot = 0;
      int io = i * hidden;
      for (int k = 0; k < hidden; k++) dot += (double) userStates[uo + k] * itemEmbeddings[io + k];
      out[i] = dot;
    }
    return out;
  }
}
