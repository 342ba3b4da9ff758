package org.interestlab.recommend;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
import org.interestlab.compute.ProgressBar;
import org.interestlab.compute.Shuffle;

/**
 * Trains one {@link SasRecNetwork} with DJL's training API on the PyTorch engine: a {@link Trainer}
 * with {@link SasRecLoss} and Adam, mini-batches of users in an order drawn from the seed, one
 * gradient step per batch. Everything random — initial weights, batch order, negatives, dropout
 * masks — comes from Java generators split from the seed, so one seed gives the same model on the
 * CPU. Every engine array a step makes lives in an {@link NDScope} closed after the step.
 *
 * <p>Training runs with {@code threads} PyTorch threads (default 1), set for the fit and restored
 * after: one step's tensors are small (a batch of 128 users × ≤ 50 positions × 64), and on a busy
 * 2-core machine two threads spent far more time waiting for each other than computing — a fit on the
 * contract test's 16-user data took 30–55 s with the engine's default of two threads and 2–4 s with
 * one (measured side by side, load average 12 from other builds). One thread also makes the result
 * independent of the machine's core count.
 *
 * <p>Two uses: {@link #stoppingEpochs} trains on sequences without their latest item and checks after
 * every epoch how well each user's latest item is ranked (NDCG@10 over the items the user has not
 * seen), returning the best epoch once {@code patience} epochs passed without a better one;
 * {@link #fit} trains on the full sequences for a given number of epochs and returns the last
 * position's state of every user and the item embeddings, in Java memory.
 */
final class SasRecTraining {
  /** Users per scoring pass (a {@code [rows, items]} score block at a time). */
  private static final int SCORE_ROWS = 256;
  private static final int STOPPING_K = 10;

  /** A trained model's outputs: row-major {@code [users, hidden]} states (zeros for users without items) and {@code [items, hidden]} embeddings. */
  record Trained(float[] userStates, float[] itemEmbeddings) {
    boolean isFinite() {
      for (float f : userStates) if (!Float.isFinite(f)) return false;
      for (float f : itemEmbeddings) if (!Float.isFinite(f)) return false;
      return true;
    }
  }

  private final SasRecRecommender config;
  private final float[] text;
  private final int textDim;
  private final Device device;

  SasRecTraining(SasRecRecommender config, float[] text, int textDim, Device device) {
    this.config = config;
    this.text = text;
    this.textDim = textDim;
    this.device = device;
  }

  /** The epoch (1…{@code epochs}) whose model ranked the held-out latest items best; {@code targets[u] = -1}: user not held out. */
  int stoppingEpochs(SasRecSequences seqs, int[] targets) {
    int[] heldOut = java.util.stream.IntStream.range(0, targets.length).filter(u -> targets[u] >= 0).toArray();
    BitSet[] sets = seqs.itemSets();
    int[] best = {1};
    double[] bestValue = {Double.NEGATIVE_INFINITY};
    train(seqs, config.epochs(), "sasrec (stopping)", (trainer, epoch) -> {
      double v = ndcg(trainer, seqs, heldOut, targets, sets);
      if (v > bestValue[0]) {
        bestValue[0] = v;
        best[0] = epoch;
      }
      return epoch - best[0] >= config.patience();
    });
    return best[0];
  }

  /** Trains on {@code seqs} for {@code epochs} epochs; the states of every user and the item embeddings. */
  Trained fit(SasRecSequences seqs, int epochs) {
    Trained[] out = new Trained[1];
    train(seqs, epochs, "sasrec", (trainer, epoch) -> {
      // Outputs after every epoch, kept only when finite: if training ends early on a non-finite loss
      // (or non-finite gradients made the weights so), the last finite epoch's model is the result.
      Trained t = outputs(trainer, seqs);
      if (t.isFinite()) out[0] = t;
      return false;
    });
    if (out[0] == null) {
      throw new org.interestlab.UserException("recommenders.sasrec: training diverged (non-finite loss) in its first epoch"
          + " — lower learning_rate or dropout");
    }
    return out[0];
  }

  /** After each epoch: whether to stop. */
  private interface AfterEpoch {
    boolean stop(Trainer trainer, int epoch);
  }

  private void train(SasRecSequences seqs, int epochs, String label, AfterEpoch after) {
    Engines.pytorch();
    // PyTorch's intra-op thread count is process-wide: set for this fit, restored after.
    int threadsBefore = JniUtils.getNumThreads();
    JniUtils.setNumThreads(config.threads());
    try {
      trainWithThreadsSet(seqs, epochs, label, after);
    } finally {
      JniUtils.setNumThreads(threadsBefore);
    }
  }

  private void trainWithThreadsSet(SasRecSequences seqs, int epochs, String label, AfterEpoch after) {
    SplittableRandom root = new SplittableRandom(config.seed());
    SeededInitializer init = new SeededInitializer(root.split());
    SeededDropout dropout = new SeededDropout(config.dropout(), root.split());
    SplittableRandom order = root.split();
    SasRecNetwork net = new SasRecNetwork(seqs.numItems(), text, textDim, config.hidden(), config.maxLength(), config.blocks(),
        config.heads(), dropout, init);
    DefaultTrainingConfig tc = new DefaultTrainingConfig(new SasRecLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build())
        .optDevices(new ai.djl.Device[] {device.djl()});
    int[] users = seqs.trainableUsers();
    int[] pool = seqs.mentionedItems();
    BitSet[] sets = seqs.itemSets();
    try (Model model = Model.newInstance("sasrec", device.djl(), Engines.PYTORCH)) {
      model.setBlock(net);
      try (Trainer trainer = model.newTrainer(tc); ProgressBar bar = ProgressBar.start(label, epochs, "epochs")) {
        trainer.initialize(new Shape(1, 1), new Shape(1, 1));
        for (int epoch = 1; epoch <= epochs; epoch++) {
          Shuffle.inPlace(users, order);
          boolean finite = true;
          for (int from = 0; from < users.length && finite; from += config.batchSize()) {
            int[] batch = Arrays.copyOfRange(users, from, Math.min(users.length, from + config.batchSize()));
            finite = Float.isFinite(step(trainer, seqs.trainingBatch(batch, config.maxLength(), pool, sets, order)));
              }
          bar.advance(1);
          // A non-finite loss ends training: the epochs before it are what the model learned.
          if (!finite || after.stop(trainer, epoch)) break;
        }
      }
    }
  }

  /** One gradient step; returns the batch loss (the step is skipped when it is not finite). */
  private static float step(Trainer trainer, SasRecSequences.Batch b) {
    float value;
    try (NDScope scope = new NDScope(); NDManager m = trainer.getManager().newSubManager()) {
      Shape s = new Shape(b.rows, b.len);
      NDArray keep = m.create(b.keep, s);
      NDList input = new NDList(m.create(b.seq, s), keep, m.create(b.pos, s), m.create(b.neg, s));
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray loss = trainer.getLoss().evaluate(new NDList(keep), trainer.forward(input));
        gc.backward(loss);
        value = loss.getFloat();
      }
    }
    if (Float.isFinite(value)) trainer.step();
    return value;
  }

  /** Mean NDCG@10 of each held-out user's target among the items not in their sequence (the target itself always ranked). */
  private double ndcg(Trainer trainer, SasRecSequences seqs, int[] heldOut, int[] targets, BitSet[] sets) {
    if (heldOut.length == 0) return 0;
    double sum = 0;
    int items = seqs.numItems();
    for (int from = 0; from < heldOut.length; from += SCORE_ROWS) {
      int[] rows = Arrays.copyOfRange(heldOut, from, Math.min(heldOut.length, from + SCORE_ROWS));
      float[] scores = scoreBlock(trainer, seqs, rows);
      for (int r = 0; r < rows.length; r++) {
        int target = targets[rows[r]];
        float t = scores[r * items + target];
        if (!Float.isFinite(t)) continue;  // a diverged model ranks nothing
        int rank = 0;
        for (int j = 0; j < items; j++) {
          if (j != target && !sets[rows[r]].get(j) && scores[r * items + j] > t) rank++;
        }
        if (rank < STOPPING_K) sum += 1 / (Math.log(rank + 2) / Math.log(2));
      }
    }
    return sum / heldOut.length;
  }

  private float[] scoreBlock(Trainer trainer, SasRecSequences seqs, int[] rows) {
    try (NDScope scope = new NDScope(); NDManager m = trainer.getManager().newSubManager()) {
      NDList out = forward(trainer, m, seqs.scoringBatch(rows, config.maxLength()));
      return out.get(0).matMul(out.get(1).transpose()).toFloatArray();
    }
  }

  private Trained outputs(Trainer trainer, SasRecSequences seqs) {
    int hidden = config.hidden();
    int[] all = java.util.stream.IntStream.range(0, seqs.items().length).filter(u -> seqs.items()[u].length > 0).toArray();
    float[] states = new float[seqs.items().length * hidden];
    float[] table = null;
    for (int from = 0; from < Math.max(all.length, 1); from += SCORE_ROWS) {
      int[] rows = Arrays.copyOfRange(all, from, Math.min(all.length, from + SCORE_ROWS));
      try (NDScope scope = new NDScope(); NDManager m = trainer.getManager().newSubManager()) {
        NDList out = forward(trainer, m, seqs.scoringBatch(rows, config.maxLength()));
        float[] s = out.get(0).toFloatArray();
        for (int r = 0; r < rows.length; r++) System.arraycopy(s, r * hidden, states, rows[r] * hidden, hidden);
        if (table == null) table = out.get(1).toFloatArray();
      }
    }
    return new Trained(states, table);
  }

  private static NDList forward(Trainer trainer, NDManager m, SasRecSequences.Batch b) {
    Shape s = new Shape(b.rows, b.len);
    return trainer.evaluate(new NDList(m.create(b.seq, s), m.create(b.keep, s)));
  }

}
