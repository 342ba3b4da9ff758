package org.interestlab.recommend;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The two towers of {@link TwoTowerRecommender} as one DJL block. Each tower maps a text vector
 * through {@code d → hidden → out} (ReLU between, biases on both layers) and, when ID embeddings are
 * on, adds a learned {@code out}-vector per user or item: {@code tower(x) = W₂ relu(W₁ x + b₁) + b₂ (+ e_id)}.
 * An item's ID vector is multiplied by a keep flag (0 or 1 per row), which training uses for ID dropout
 * and scoring uses to leave out the ID of an item never seen in training (cold start).
 *
 * With {@code temperature} τ &gt; 0 both outputs are scaled to unit length and the user's divided by τ,
 * so a score is the cosine of the two over τ. With {@code history} the user tower also adds the weighted sum of a second table of item vectors over
 * the user's training items ({@code Σ_h w_uh g_h}, the factored item–item part of FISM, Kabbur, Ning &amp;
 * Karypis, KDD 2013), the weights given as a {@code (B_u, items)} matrix.
 *
 * <p>Input {@link NDList}: user text vectors {@code (B_u, d)}, user ids {@code (B_u)} int64, item text
 * vectors {@code (B_i, d)}, item ids {@code (B_i)} int64, item ID keep flags {@code (B_i, 1)}, and with
 * {@code history} the history weights {@code (B_u, items)}; output:
 * user vectors {@code (B_u, out)}, item vectors {@code (B_i, out)}. Every parameter starts from its own
 * {@link SeededGaussianInitializer}, so the block's start depends only on {@code seed}.
 */
final class TwoTowerBlock extends AbstractBlock {
  private final Parameter[] userTower;
  private final Parameter[] itemTower;
  private final Parameter userIds;
  private final Parameter itemIds;
  private final Parameter historyItems;
  private final double temperature;

  /** ID embeddings start small so the text path dominates early training. */
  static final double ID_INIT_STD = 0.01;

  TwoTowerBlock(int dim, int hidden, int out, int users, int items, boolean idEmbeddings, boolean history, double temperature, long seed) {
    this.temperature = temperature;
    userTower = tower("user", dim, hidden, out, seed);
    itemTower = tower("item", dim, hidden, out, seed + 100);
    userIds = idEmbeddings ? addParameter(param("user_ids", new Shape(users, out), new SeededGaussianInitializer(seed + 200, ID_INIT_STD))) : null;
    itemIds = idEmbeddings ? addParameter(param("item_ids", new Shape(items, out), new SeededGaussianInitializer(seed + 300, ID_INIT_STD))) : null;
    historyItems = history ? addParameter(param("history_items", new Shape(items, out), new SeededGaussianInitializer(seed + 400, ID_INIT_STD))) : null;
  }

  private Parameter[] tower(String name, int dim, int hidden, int out, long seed) {
    return new Parameter[] {
        addParameter(param(name + "_w1", new Shape(dim, hidden), SeededGaussianInitializer.glorot(seed + 1, dim, hidden))),
        addParameter(param(name + "_b1", new Shape(hidden), new SeededGaussianInitializer(seed + 2, 0))),
        addParameter(param(name + "_w2", new Shape(hidden, out), SeededGaussianInitializer.glorot(seed + 3, hidden, out))),
        addParameter(param(name + "_b2", new Shape(out), new SeededGaussianInitializer(seed + 4, 0)))};
  }

  private static Parameter param(String name, Shape shape, SeededGaussianInitializer init) {
    return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(shape).optInitializer(init).build();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray users = users(ps, inputs.get(0), inputs.get(1), historyItems == null ? null : inputs.get(5), training);
    NDArray items = items(ps, inputs.get(2), inputs.get(3), inputs.get(4), training);
    return new NDList(users, items);
  }

  /** User vectors {@code (B, out)} from text vectors {@code (B, d)}, ids {@code (B)} and history weights {@code (B, items)} (or null). */
  NDArray users(ParameterStore ps, NDArray text, NDArray ids, NDArray historyWeights, boolean training) {
    NDArray z = mlp(ps, userTower, text, training);
    if (userIds != null) z = z.add(lookup(ps, userIds, ids, training));
    if (historyItems != null) z = z.add(historyWeights.matMul(ps.getValue(historyItems, text.getDevice(), training)));
    return temperature > 0 ? ScalarOps.divide(unit(z), temperature) : z;
  }

  boolean usesHistory() {
    return historyItems != null;
  }

  /** Item vectors {@code (B, out)}; {@code keep} {@code (B, 1)} scales each row's ID vector. */
  NDArray items(ParameterStore ps, NDArray text, NDArray ids, NDArray keep, boolean training) {
    NDArray z = mlp(ps, itemTower, text, training);
    if (itemIds != null) z = z.add(lookup(ps, itemIds, ids, training).mul(keep));
    return temperature > 0 ? unit(z) : z;
  }

  /** Rows scaled to unit length (a zero row stays zero). */
  private static NDArray unit(NDArray z) {
    return z.div(z.norm(new int[] {1}, true).add(1e-12f));
  }

  private static NDArray mlp(ParameterStore ps, Parameter[] p, NDArray x, boolean training) {
    Device at = x.getDevice();
    NDArray h = Activation.relu(x.matMul(ps.getValue(p[0], at, training)).add(ps.getValue(p[1], at, training)));
    return h.matMul(ps.getValue(p[2], at, training)).add(ps.getValue(p[3], at, training));
  }

  /** Rows {@code ids} of an embedding table, differentiable in the table (torch.embedding). */
  private static NDArray lookup(ParameterStore ps, Parameter table, NDArray ids, boolean training) {
    NDArray weight = ps.getValue(table, ids.getDevice(), training);
    return ids.getNDArrayInternal().embedding(ids, weight, SparseFormat.DENSE).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long out = itemTower[3].getShape().get(0);
    return new Shape[] {new Shape(inputShapes[0].get(0), out), new Shape(inputShapes[2].get(0), out)};
  }
}
