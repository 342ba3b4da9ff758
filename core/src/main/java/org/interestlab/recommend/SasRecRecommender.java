package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.real;

import java.util.List;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParameterException;

/**
 * SASRec, self-attentive sequential recommendation (Kang &amp; McAuley, "Self-Attentive Sequential
 * Recommendation", ICDM 2018): causal self-attention over a user's chronological training items
 * (the latest {@code max_length}), trained to predict each next item against one sampled negative
 * (binary cross-entropy, {@link SasRecLoss}); a user's score for an item is the dot product of the
 * last position's state with the item's embedding. It reads a user's <em>current</em> interest from the
 * order of what they did — the dynamic-interest view.
 *
 * <p><b>Item embeddings from text</b> (with {@code item_text}, the default): each item's document
 * vector (its text and training reviews, {@link TrainingData#itemVectors}, L2-normalised) is projected
 * to {@code hidden} by a learned linear layer, plus a learned per-item offset that starts at zero
 * ({@link SasRecNetwork}). An item no training sequence mentions keeps the projection of its text, so it
 * is scored from what it reads like (cold start); an item without content ({@link TrainingData#hasContent})
 * projects the zero vector, i.e. it has the shared bias plus its own offset (only the bias if unseen).
 * With {@code item_text: false} items have learned ID embeddings only, as in the paper.
 *
 * <p><b>Training</b> ({@link SasRecTraining}): DJL's {@code Trainer} on the PyTorch engine, Adam,
 * mini-batches of users. <b>Early stopping:</b> the training data has no validation part of its own,
 * so fit holds out each user's latest training item (users with two or more), trains on the rest
 * and keeps the epoch count at which those items were ranked best (NDCG@10), stopping after
 * {@code patience} epochs without improvement; it then trains afresh, same seed, on the full sequences
 * for that many epochs. The run's test item is never seen. Users without training events are not
 * covered. All randomness (initial weights, batch order, negatives, dropout) comes from Java
 * generators split from the seed, so the same seed gives the same scores on the CPU.
 *
 * <p>Cost per epoch: {@code O(U · (L² · d + L · d²) + I · D · d)} for U users, sequences of at most L,
 * hidden size d, I items with D-dimensional text; scoring {@code O(I · d)} per user from Java arrays
 * (nothing native outlives {@link #fit}).
 *
 * <pre>{@code
 * try (FittedRecommender m = SasRecRecommender.defaults(42L).fit(data)) { double[] s = m.scores(user); }
 * }</pre>
 *
 * @param maxLength latest items read per user (default 50, as the paper for its sparse datasets)
 * @param hidden embedding and state size d (default 64)
 * @param blocks self-attention layers (default 2)
 * @param heads attention heads, dividing {@code hidden} (default 1, as the paper)
 * @param dropout dropout rate on embeddings, attention weights and feed-forward outputs (default 0; the paper
 *     uses 0.2–0.5). A non-finite loss ends training at the last finite epoch ({@link SasRecTraining}).
 * @param learningRate Adam step size (default 0.001)
 * @param batchSize users per gradient step (default 128)
 * @param epochs most epochs; early stopping usually ends sooner (default 200)
 * @param patience epochs without a better stopping NDCG@10 before training stops (default 10)
 * @param itemText whether item embeddings start from the item document vectors (default true)
 * @param threads PyTorch intra-op threads while training (default 1; see {@link SasRecTraining})
 * @param device {@code auto | cpu | gpu} (default auto; {@code gpu} without one is a user error)
 * @param seed the run seed for this component
 */
public record SasRecRecommender(int maxLength, int hidden, int blocks, int heads, double dropout, double learningRate,
    int batchSize, int epochs, int patience, boolean itemText, int threads, String device, long seed) implements Recommender {
  static final String KIND = "sasrec";

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("max_length", 50, 1, 10_000, "latest training items read per user"),
      integer("hidden", 64, 1, 4096, "embedding and state size"),
      integer("blocks", 2, 1, 8, "self-attention layers"),
      integer("heads", 1, 1, 64, "attention heads (must divide hidden)"),
      real("dropout", 0.0, 0, 0.9, false, "dropout rate on embeddings, attention weights and feed-forward outputs"),
      real("learning_rate", 0.001, 0, 10, true, "Adam step size"),
      integer("batch_size", 128, 1, 1_000_000, "users per gradient step"),
      integer("epochs", 200, 1, 100_000, "most training epochs (early stopping ends sooner)"),
      integer("patience", 10, 1, 100_000, "epochs without a better stopping NDCG@10 before stopping"),
      bool("item_text", true, "start item embeddings from the item document vectors (cold-start items scored from text)"),
      integer("threads", 1, 1, 256, "PyTorch threads while training (small tensors: one is fastest on a busy machine)"),
      choice("device", "auto", List.of("auto", "cpu", "gpu"), "where training runs"));

  /** The config's {@code recommenders: [{ kind: sasrec }]}. */
  public static final ComponentSpec<SasRecRecommender> SPEC = new ComponentSpec<>(KIND,
      "SASRec, self-attention over each user's item sequence, item embeddings from text (Kang & McAuley 2018)", PARAMS,
      (p, seed) -> new SasRecRecommender(p.getInt("max_length"), p.getInt("hidden"), p.getInt("blocks"), p.getInt("heads"),
          p.getDouble("dropout"), p.getDouble("learning_rate"), p.getInt("batch_size"), p.getInt("epochs"), p.getInt("patience"),
          p.getBool("item_text"), p.getInt("threads"), p.getString("device"), seed));

  /** A null {@code device} takes its declared default. */
  public SasRecRecommender {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("max_length", maxLength);
    PARAMS.check("hidden", hidden);
    PARAMS.check("blocks", blocks);
    PARAMS.check("heads", heads);
    PARAMS.check("dropout", dropout);
    PARAMS.check("learning_rate", learningRate);
    PARAMS.check("batch_size", batchSize);
    PARAMS.check("epochs", epochs);
    PARAMS.check("patience", patience);
    PARAMS.check("threads", threads);
    PARAMS.check("device", device);
    if (hidden % heads != 0) {
      throw ParameterException.conflict(KIND, "heads", heads, "heads " + heads + " must divide hidden " + hidden
          + " — allowed: a divisor of hidden, e.g. 1 or 2");
    }
  }

  /** The config's defaults: 50 items, hidden 64, 2 blocks, 1 head, dropout 0, Adam 0.001, batches of 128, ≤ 200 epochs, patience 10, text, 1 thread. */
  public static SasRecRecommender defaults(long seed) {
    return new SasRecRecommender(50, 64, 2, 1, 0.0, 0.001, 128, 200, 10, true, 1, "auto", seed);
  }

  @Override
  public boolean needsItemVectors() {
    return itemText;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    Device where = Device.resolve(device, "recommenders." + KIND + ".device");
    SasRecSequences seqs = SasRecSequences.of(data.train());
    Embeddings vectors = itemText ? data.itemVectors() : null;
    if (itemText && vectors == null) throw new IllegalStateException(KIND + " with item_text needs item vectors (needsItemVectors)");
    float[] text = vectors == null ? null : textMatrix(vectors, data);
    SasRecTraining training = new SasRecTraining(this, text, vectors == null ? 0 : vectors.dim(), where);
    int[] targets = new int[seqs.items().length];
    SasRecSequences stopping = seqs.withoutLast(targets);
    int bestEpochs = training.stoppingEpochs(stopping, targets);
    SasRecTraining.Trained t = training.fit(seqs, bestEpochs);
    return new SasRecModel(seqs, t.userStates(), t.itemEmbeddings(), hidden, bestEpochs);
  }

  /** Row-major {@code [items, dim]}: each item's L2-normalised document vector, zeros for an item without content. */
  private static float[] textMatrix(Embeddings vectors, TrainingData data) {
    int items = data.train().numItems();
    int dim = vectors.dim();
    float[] out = new float[items * dim];
    for (int i = 0; i < items; i++) {
      if (!data.hasContent(i)) continue;
      double norm = 0;
      for (int k = 0; k < dim; k++) norm += (double) vectors.get(i, k) * vectors.get(i, k);
      if (norm == 0) continue;
      double inv = 1 / Math.sqrt(norm);
      for (int k = 0; k < dim; k++) out[i * dim + k] = (float) (vectors.get(i, k) * inv);
    }
    return out;
  }
}
