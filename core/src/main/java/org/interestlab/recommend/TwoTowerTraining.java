package org.interestlab.recommend;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
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
 * One training run of the two towers with DJL's training API ({@link Trainer}, Adam, a
 * {@link GradientCollector} per batch) on the PyTorch engine. Every random choice — parameter
 * initialisation, the order of the pairs in each epoch, BPR's negatives, ID dropout — is drawn in Java
 * from the run's seed, and batches are formed in that fixed order, so on the CPU the same seed gives
 * the same vectors bit for bit. With a stopping set it evaluates NDCG@10 of each user's held-out item
 * after every epoch and stops after {@code patience} epochs without improvement.
 */
final class TwoTowerTraining {
  private final TwoTowerRecommender p;
  private final TwoTowerInputs in;
  private final Device device;
  /** Users per forward pass when scoring. */
  static final int SCORING_CHUNK = 1024;

  /** The towers' outputs after training, and the epoch count that was best on the stopping set (or the epochs run). */
  record Result(float[] users, float[] items, int out, int bestEpoch) {}

  TwoTowerTraining(TwoTowerRecommender p, TwoTowerInputs in, Device device) {
    this.p = p;
    this.in = in;
    this.device = device;
  }

  /**
   * Trains on {@code items} (each user's training items) for at most {@code epochs} epochs; with
   * {@code stopping} (per user a held-out item or −1) stops early and reports the best epoch.
   */
  Result run(BitSet[] items, int epochs, int[] stopping, String label) {
    int[][] pairs = pairs(items);
    int n = pairs[0].length;
    boolean[] trained = new boolean[in.numItems()];
    for (BitSet s : items) for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) trained[i] = true;
    SplittableRandom rng = new SplittableRandom(p.seed());
    TwoTowerBlock block = new TwoTowerBlock(in.dim(), p.hidden(), p.dim(), in.numUsers(), in.numItems(), p.idEmbeddings(), p.history(), p.temperature(), rng.nextLong());
    Loss loss = p.loss().equals("bpr") ? new PairwiseBprLoss() : new InBatchSoftmaxLoss();
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) p.learningRate()))
        .optWeightDecays((float) p.weightDecay()).build();
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new ai.djl.Device[] {device.djl()});
    Engines.pytorch();
    int threadsBefore = JniUtils.getNumThreads();
    // The towers' matrices are small (a batch of 256 × 384): intra-op threads only add synchronisation, and on
    // a busy machine OpenMP's spinning threads made an epoch about 6× slower (measured on 2 cores under a load
    // of 13). One thread also makes the result independent of the machine's core count. PyTorch keeps this
    // setting per calling thread (OpenMP's and MKL's thread-local limits), so other work keeps its threads.
    JniUtils.setNumThreads(1);
    try (Model model = Model.newInstance("two-tower", device.djl(), Engines.PYTORCH)) {
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(config); ProgressBar bar = ProgressBar.start(label, epochs, "epochs")) {
        Shape[] shapes = {new Shape(1, in.dim()), new Shape(1), new Shape(1, in.dim()), new Shape(1), new Shape(1, 1), new Shape(1, in.numItems())};
        trainer.initialize(p.history() ? shapes : Arrays.copyOf(shapes, 5));
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        float[] bestUsers = null;
        float[] bestItems = null;
        int best = 0;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        for (int epoch = 1; epoch <= epochs; epoch++) {
          Shuffle.inPlace(order, rng);
          for (int from = 0; from < n; from += p.batchSize()) {
            step(trainer, block, pairs, order, from, Math.min(n, from + p.batchSize()), items, trained, rng);
          }
          bar.advance(1);
          if (stopping == null) continue;
          float[][] vectors = vectors(trainer.getManager(), block, trained, items);
          double ndcg = stoppingNdcg(vectors[0], vectors[1], items, stopping);
          if (ndcg > bestNdcg) {
            bestNdcg = ndcg;
            best = epoch;
            bestUsers = vectors[0];
            bestItems = vectors[1];
          } else if (epoch - best >= p.patience()) {
            break;
          }
        }
        if (stopping != null) return new Result(bestUsers, bestItems, p.dim(), best);
        float[][] vectors = vectors(trainer.getManager(), block, trained, items);
        return new Result(vectors[0], vectors[1], p.dim(), epochs);
      }
    } finally {
      JniUtils.setNumThreads(threadsBefore);
    }
  }

  /** Every (user, item) training pair, users in order, items ascending: {@code {users[], items[]}}. */
  private static int[][] pairs(BitSet[] items) {
    int n = 0;
    for (BitSet s : items) n += s.cardinality();
    int[] u = new int[n];
    int[] i = new int[n];
    int k = 0;
    for (int user = 0; user < items.length; user++) {
      for (int item = items[user].nextSetBit(0); item >= 0; item = items[user].nextSetBit(item + 1)) {
        u[k] = user;
        i[k++] = item;
      }
    }
    return new int[][] {u, i};
  }


  /** One optimiser step on the pairs {@code order[from, to)}; BPR adds one uniform unseen negative per pair. */
  private void step(Trainer trainer, TwoTowerBlock block, int[][] pairs, int[] order, int from, int to, BitSet[] items, boolean[] trained,
      SplittableRandom rng) {
    int b = to - from;
    boolean bpr = p.loss().equals("bpr");
    int[] users = new int[b];
    int[] its = new int[bpr ? 2 * b : b];
    for (int k = 0; k < b; k++) {
      users[k] = pairs[0][order[from + k]];
      its[k] = pairs[1][order[from + k]];
    }
    if (bpr) {
      for (int k = 0; k < b; k++) {
        BitSet seen = items[users[k]];
        if (seen.cardinality() >= in.numItems()) {
          its[b + k] = its[k];   // nothing unseen: a zero-gap pair that teaches nothing
          continue;
        }
        int j;
        do {
          j = rng.nextInt(in.numItems());
        } while (seen.get(j));
        its[b + k] = j;
      }
    }
    float[] keep = new float[its.length];
    for (int k = 0; k < its.length; k++) keep[k] = trained[its[k]] && rng.nextDouble() >= p.idDropout() ? 1f : 0f;
    try (NDManager m = trainer.getManager().newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
      NDList inputs = new NDList(
          m.create(rows(in.userText(), users), new Shape(b, in.dim())), m.create(toLong(users)),
          m.create(rows(in.itemText(), its), new Shape(its.length, in.dim())), m.create(toLong(its)),
          m.create(keep, new Shape(its.length, 1)));
      if (p.history()) inputs.add(m.create(historyWeights(users, items, Arrays.copyOf(its, b)), new Shape(b, in.numItems())));
      NDList out = trainer.forward(inputs);
      NDArray value = trainer.getLoss().evaluate(new NDList(), out);
      gc.backward(value);
      trainer.step();
      out.close();
    }
  }

  /** User and item vectors for scoring: every item's ID vector is kept if it was trained, left out if not. */
  private float[][] vectors(NDManager parent, TwoTowerBlock block, boolean[] trained, BitSet[] trainedOn) {
    int users = in.numUsers();
    int items = in.numItems();
    int d = in.dim();
    int[] itemIds = new int[items];
    float[] keep = new float[items];
    for (int i = 0; i < items; i++) {
      itemIds[i] = i;
      keep[i] = trained[i] && p.idDropout() < 1 ? 1f : 0f;   // id_dropout 1: item ID vectors never trained, never used
    }
    float[] userVectors = new float[users * p.dim()];
    try (NDManager m = parent.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      // Users in chunks, so the dense history weights stay at SCORING_CHUNK × items floats.
      for (int from = 0; from < users; from += SCORING_CHUNK) {
        int to = Math.min(users, from + SCORING_CHUNK);
        int[] ids = new int[to - from];
        for (int k = 0; k < ids.length; k++) ids[k] = from + k;
        NDArray history = p.history() ? m.create(historyWeights(ids, trainedOn, null), new Shape(ids.length, items)) : null;
        NDArray text = m.create(Arrays.copyOfRange(in.userText(), from * d, to * d), new Shape(ids.length, d));
        float[] chunk = block.users(ps, text, m.create(toLong(ids)), history, false).toFloatArray();
        System.arraycopy(chunk, 0, userVectors, from * p.dim(), chunk.length);
      }
      NDArray v = block.items(ps, m.create(in.itemText(), new Shape(items, d)), m.create(toLong(itemIds)),
          m.create(keep, new Shape(items, 1)), false);
      return new float[][] {userVectors, v.toFloatArray()};
    }
  }

  /**
   * History weights, one row per entry of {@code users}: {@code 1 / n} on each of the user's training items
   * (n of them), leaving out {@code target[k]} when given — a pair's own positive item, which would
   * otherwise teach the model to find an item in its own history (as FISM leaves it out).
   */
  private float[] historyWeights(int[] users, BitSet[] trainedOn, int[] target) {
    int items = in.numItems();
    float[] w = new float[users.length * items];
    for (int k = 0; k < users.length; k++) {
      BitSet h = trainedOn[users[k]];
      int skip = target == null ? -1 : target[k];
      int n = h.cardinality() - (skip >= 0 && h.get(skip) ? 1 : 0);
      if (n == 0) continue;
      for (int i = h.nextSetBit(0); i >= 0; i = h.nextSetBit(i + 1)) if (i != skip) w[k * items + i] = 1f / n;
    }
    return w;
  }

  /** Mean NDCG@10 of each stopping item among the items the user has not trained on (ties count against it). */
  private double stoppingNdcg(float[] users, float[] items, BitSet[] trainedOn, int[] stopping) {
    int f = p.dim();
    int numItems = in.numItems();
    double sum = 0;
    int n = 0;
    for (int u = 0; u < stopping.length; u++) {
      if (stopping[u] < 0) continue;
      double target = TwoTowerRecommender.dot(users, u * f, items, stopping[u] * f, f);
      int above = 0;
      for (int i = 0; i < numItems && above < 10; i++) {
        if (i == stopping[u] || trainedOn[u].get(i)) continue;
        if (TwoTowerRecommender.dot(users, u * f, items, i * f, f) >= target) above++;
      }
      sum += above < 10 ? 1 / (Math.log(above + 2) / Math.log(2)) : 0;
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  /** The rows {@code index} of a row-major matrix of {@code dim}-wide rows, gathered in Java. */
  private float[] rows(float[] matrix, int[] index) {
    int d = in.dim();
    float[] out = new float[index.length * d];
    for (int k = 0; k < index.length; k++) System.arraycopy(matrix, index[k] * d, out, k * d, d);
    return out;
  }

  private static long[] toLong(int[] a) {
    long[] out = new long[a.length];
    for (int k = 0; k < a.length; k++) out[k] = a[k];
    return out;
  }
}
