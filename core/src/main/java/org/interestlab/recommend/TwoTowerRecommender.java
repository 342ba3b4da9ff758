package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.interestlab.compute.Device;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A two-tower retrieval model over review text (the "user tower / item tower" design of Covington,
 * Adams &amp; Sargin, RecSys 2016, and Yi et al., RecSys 2019): the user tower reads the user's
 * review-profile vector ({@link TrainingData#profiles}), the item tower the item's document vector
 * ({@link TrainingData#itemVectors}: its text and training reviews); each is a small MLP
 * {@code d → hidden → dim} with ReLU, plus an optional learned ID vector, and a user's score for an
 * item is the dot product of the two outputs. Both inputs are scaled to unit length first.
 *
 * <p><b>Training</b> runs on DJL's PyTorch engine through its training API (Trainer, Adam, a
 * gradient collector per mini-batch), with {@code loss: bpr} (one uniformly drawn unseen negative per
 * training pair, {@link PairwiseBprLoss}) or {@code loss: softmax} (the other items of the batch are
 * the negatives, {@link InBatchSoftmaxLoss}). Interactions are binary.
 *
 * <p><b>Early stopping</b>: {@link TrainingData} holds no validation split, so fitting makes its own
 * from training data only: each user's latest training item (by time) is held out of the pairs (users
 * with one training item keep it), the towers train until NDCG@10 of those held-out items over the
 * other unseen items has not improved for {@code patience} epochs, and then train afresh, same seed,
 * on all pairs for the best epoch count. The held-out item's review still contributes to the user's
 * profile and to the item's document (they are training data), so the stopping NDCG is optimistic;
 * only the epoch count is taken from it. The run's validation and test items are never read.
 *
 * <p><b>Cold start</b>: with the default {@code id_dropout: 1} items are read from their document
 * vector alone, so an item without training interactions is scored exactly like any other. With
 * {@code id_dropout} below 1 an item's ID vector is left out of a training step with that probability
 * (so the item tower still learns to score from text alone), and an item with no training interaction
 * is scored without its ID vector. An item with neither content (no text, no training review) nor
 * interactions has nothing to score it by: it is ranked below every other item (its score is the
 * user's lowest other score minus 1). Users without a profile (no training history) are not covered.
 *
 * <p><b>Determinism</b>: initial weights, pair order, negatives and ID dropout are drawn in Java from
 * the component seed, batches run in that order, so on the CPU the same seed gives the same scores.
 *
 * <p>Cost per epoch: {@code O(|R| · (d · hidden + hidden · dim))} for the towers (softmax adds
 * {@code O(|R| · batch · dim)} for the logits); evaluating the stopping set after each epoch is
 * {@code O(users · items · dim)}; the model keeps {@code (users + items) · dim} floats in Java.
 * Training runs on one engine thread (see {@link TwoTowerTraining}). On the Amazon Digital Music dev
 * data (756 users, 361 items, about 3,000 training pairs) a fit with the defaults took 7–16 s on the
 * 2-core VM while other builds kept it busy (load about 12).
 *
 * <pre>{@code
 * recommenders:
 *   - { kind: two-tower, loss: softmax, learning_rate: [0.001, 0.005], id_dropout: [0.5, 1.0] }
 * }</pre>
 *
 * @param hidden width of each tower's hidden layer (default 256)
 * @param dim output dimension of each tower, the dot-product space (default 64)
 * @param idEmbeddings whether users and items also have a learned ID vector (default true)
 * @param history whether the user tower also adds the mean of a learned vector per training item of the
 *     user (the factored item–item model of FISM, Kabbur et al., KDD 2013; a pair's own item is left out
 *     of its history in training); default false. Costs a {@code batch × items} matrix per step
 * @param idDropout probability of leaving out an item's ID vector in a training step (default 1: items
 *     are read from text alone, their ID vectors are neither trained nor used)
 * @param loss {@code softmax} (default) or {@code bpr}
 * @param temperature 0 (default): the score is the dot product of the tower outputs; τ &gt; 0: their
 *     cosine divided by τ (unit-length outputs, as in Yi et al. 2019)
 * @param epochs most epochs (default 50)
 * @param patience epochs without improvement of the stopping NDCG@10 before training stops (default 5)
 * @param batchSize training pairs per step (default 256)
 * @param learningRate Adam's step size (default 0.005)
 * @param weightDecay L2 weight decay applied by Adam to every parameter (default 0)
 * @param device {@code auto | cpu | gpu} (default {@code auto}: a GPU when the engine sees one;
 *     {@code gpu} where none exists is a user error); determinism is promised on the CPU
 * @param seed seeds initial weights, pair order, negatives and dropout
 */
public record TwoTowerRecommender(int hidden, int dim, boolean idEmbeddings, boolean history, double idDropout, String loss,
    double temperature, int epochs, int patience, int batchSize, double learningRate, double weightDecay, String device, long seed)
    implements Recommender {
  static final String KIND = "two-tower";

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("hidden", 256, 1, 65_536, "width of each tower's hidden layer"),
      integer("dim", 64, 1, 4096, "output dimension of each tower (the dot-product space)"),
      bool("id_embeddings", true, "add a learned ID vector to each user's and item's tower output"),
      bool("history", false, "add to the user tower the mean of learned vectors of the user's training items (FISM)"),
      real("id_dropout", 1.0, 0, 1, false, "probability of leaving an item's ID vector out of a training step"),
      choice("loss", "softmax", List.of("softmax", "bpr"), "softmax with in-batch negatives, or BPR with one uniform negative"),
      real("temperature", 0.0, 0, 100, false, "0: raw dot product; > 0: cosine of the tower outputs divided by it"),
      integer("epochs", 50, 1, 100_000, "most training epochs"),
      integer("patience", 5, 1, 100_000, "epochs without improvement on the stopping items before training stops"),
      integer("batch_size", 256, 2, 1_000_000, "training pairs per step"),
      real("learning_rate", 0.005, 0, 10, true, "Adam's step size"),
      real("weight_decay", 0.0, 0, 10, false, "L2 weight decay on every parameter"),
      choice("device", "auto", List.of("auto", "cpu", "gpu"), "where the towers train"));

  /** The config's {@code recommenders: [{ kind: two-tower }]}. */
  public static final ComponentSpec<TwoTowerRecommender> SPEC = new ComponentSpec<>(KIND,
      "two-tower model over review-profile and item-document vectors, trained with DJL", PARAMS,
      (p, seed) -> new TwoTowerRecommender(p.getInt("hidden"), p.getInt("dim"), p.getBool("id_embeddings"), p.getBool("history"),
          p.getDouble("id_dropout"),
          p.getString("loss"), p.getDouble("temperature"), p.getInt("epochs"), p.getInt("patience"), p.getInt("batch_size"), p.getDouble("learning_rate"),
          p.getDouble("weight_decay"), p.getString("device"), seed));

  public TwoTowerRecommender {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("hidden", hidden);
    PARAMS.check("dim", dim);
    PARAMS.check("id_dropout", idDropout);
    PARAMS.check("loss", loss);
    PARAMS.check("temperature", temperature);
    PARAMS.check("epochs", epochs);
    PARAMS.check("patience", patience);
    PARAMS.check("batch_size", batchSize);
    PARAMS.check("learning_rate", learningRate);
    PARAMS.check("weight_decay", weightDecay);
    PARAMS.check("device", device);
  }

  /**
   * The config's defaults for {@code seed}: hidden 256, dim 64, user ID vectors, items from text alone
   * (id_dropout 1), softmax loss, at most 50 epochs with patience 5, batches of 256, learning rate 0.005,
   * no weight decay, device auto.
   */
  public static TwoTowerRecommender defaults(long seed) {
    return new TwoTowerRecommender(256, 64, true, false, 1.0, "softmax", 0, 50, 5, 256, 0.005, 0, "auto", seed);
  }

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    TwoTowerInputs in = TwoTowerInputs.of(data);
    Device where = Device.resolve(device, "recommenders." + KIND + ".device");
    TwoTowerTraining training = new TwoTowerTraining(this, in, where);
    int rounds = epochs;
    if (in.hasStoppingSet()) rounds = training.run(in.trainingItems(true), epochs, in.stoppingItem(), KIND + " (choosing epochs)").bestEpoch();
    TwoTowerTraining.Result result = training.run(in.trainingItems(false), rounds, null, KIND);
    BitSet trained = new BitSet(in.numItems());
    for (BitSet s : in.seen()) trained.or(s);
    BitSet unscorable = new BitSet(in.numItems());
    for (int i = 0; i < in.numItems(); i++) if (!trained.get(i) && !in.itemHasContent()[i]) unscorable.set(i);
    return new Fitted(result.users(), result.items(), result.out(), in.numItems(), data.profiles()::isPresent, unscorable);
  }

  static double dot(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) s += (double) a[ao + k] * b[bo + k];
    return s;
  }

  /** Dot products of the trained tower outputs, held in Java memory. */
  private record Fitted(float[] users, float[] items, int f, int numItems, java.util.function.IntPredicate covered, BitSet unscorable)
      implements FittedRecommender {
    @Override
    public boolean covers(int user) {
      return covered.test(user);
    }

    @Override
    public double[] scores(int user) {
      if (!covers(user)) throw new IllegalArgumentException("user " + user + " has no profile");
      double[] s = new double[numItems];
      double lowest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < numItems; i++) {
        s[i] = dot(users, user * f, items, i * f, f);
        if (!unscorable.get(i)) lowest = Math.min(lowest, s[i]);
      }
      if (!unscorable.isEmpty()) {
        double floor = Double.isInfinite(lowest) ? 0 : lowest - 1;
        for (int i = unscorable.nextSetBit(0); i >= 0; i = unscorable.nextSetBit(i + 1)) s[i] = floor;
      }
      return s;
    }

    @Override
    public double[][] scores(int[] users) {
      double[][] out = new double[users.length][];
      IntStream.range(0, users.length).parallel().forEach(r -> out[r] = covers(users[r]) ? scores(users[r]) : null);
      return out;
    }
  }
}
