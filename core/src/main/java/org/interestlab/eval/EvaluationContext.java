package org.interestlab.eval;

import java.util.Objects;
import org.interestlab.compute.Embeddings;

/**
 * What a top-K metric may know about a run besides one user's ranking: the catalogue size, each
 * item's popularity in training, the item vectors when the run has them, and the run's cutoff K.
 * Every top-K metric factory receives it ({@link MetricSpec#newSystemMetric(int, EvaluationContext)}),
 * so metrics such as intra-list diversity (item vectors), novelty and average popularity
 * (popularity), or the Gini index of recommendation counts (catalogue size) are each one class.
 *
 * <p>Popularity is the number of training users who interacted with each item (the count the
 * most-popular recommender ranks by), out of {@link #numUsers()} users, so p(i) = popularity(i) /
 * numUsers is the share of users who know item i. Immutable: the counts are copied in, and the
 * item vectors, like every {@link Embeddings}, are treated as read-only.
 *
 * <pre>{@code
 * EvaluationContext ctx = EvaluationContext.of(data.numItems(), topK, training.itemPopularity(), data.numUsers())
 *     .withItemVectors(itemVectors);   // omit (or pass null) when the run has no item vectors
 * SystemMetric ndcg = MetricSpec.parse("ndcg@10").newSystemMetric(topK, ctx);
 * }</pre>
 */
public final class EvaluationContext {
  private final int numItems;
  private final int runK;
  /** Null only in the catalogue-only context behind the deprecated {@code newSystemMetric(int, int)}. */
  private final int[] popularity;
  private final int numUsers;
  private final Embeddings itemVectors;

  private EvaluationContext(int numItems, int runK, int[] popularity, int numUsers, Embeddings itemVectors) {
    this.numItems = numItems;
    this.runK = runK;
    this.popularity = popularity;
    this.numUsers = numUsers;
    this.itemVectors = itemVectors;
  }

  /**
   * A context without item vectors.
   *
   * @param numItems catalogue size, at least 1 (items are 0..numItems−1)
   * @param runK the run's cutoff K, in 1..{@value MetricSpec#MAX_K}
   * @param itemPopularity training users per item, length numItems, each in 0..numUsers (copied)
   * @param numUsers the number of users the counts are out of, at least 1
   */
  public static EvaluationContext of(int numItems, int runK, int[] itemPopularity, int numUsers) {
    checkCatalogue(numItems, runK);
    Objects.requireNonNull(itemPopularity, "itemPopularity");
    if (itemPopularity.length != numItems) {
      throw new IllegalArgumentException("itemPopularity has " + itemPopularity.length + " counts for " + numItems + " items");
    }
    if (numUsers < 1) throw new IllegalArgumentException("numUsers must be >= 1, got " + numUsers);
    for (int i = 0; i < numItems; i++) {
      if (itemPopularity[i] < 0 || itemPopularity[i] > numUsers) {
        throw new IllegalArgumentException("popularity of item " + i + " is " + itemPopularity[i] + ", outside 0.." + numUsers);
      }
    }
    return new EvaluationContext(numItems, runK, itemPopularity.clone(), numUsers, null);
  }

  /** The same context with item vectors (one row per item), or without any when {@code vectors} is null. */
  public EvaluationContext withItemVectors(Embeddings vectors) {
    if (vectors != null && vectors.rows() != numItems) {
      throw new IllegalArgumentException("item vectors have " + vectors.rows() + " rows for " + numItems + " items");
    }
    return new EvaluationContext(numItems, runK, popularity, numUsers, vectors);
  }

  /** Number of items in the catalogue. */
  public int numItems() {
    return numItems;
  }

  /** The run's cutoff K (metrics written without {@code @K} use it). */
  public int runK() {
    return runK;
  }

  /** Training users who interacted with {@code item}. */
  public int popularity(int item) {
    return popularity[item];
  }

  /** A copy of every item's popularity, indexed by item. */
  public int[] popularityCounts() {
    return popularity.clone();
  }

  /** The number of users popularity is counted over. */
  public int numUsers() {
    return numUsers;
  }

  public boolean hasItemVectors() {
    return itemVectors != null;
  }

  /**
   * The item vectors, one row per item.
   *
   * @throws IllegalStateException when the run has none; a metric that reads them declares so at
   *     registration ({@link MetricDefinition#needingItemVectors()}), and the runner then embeds
   *     every item before evaluating
   */
  public Embeddings itemVectors() {
    if (itemVectors == null) throw new IllegalStateException("this evaluation has no item vectors");
    return itemVectors;
  }

  private static void checkCatalogue(int numItems, int runK) {
    if (numItems < 1) throw new IllegalArgumentException("numItems must be >= 1, got " + numItems);
    if (runK < 1 || runK > MetricSpec.MAX_K) throw new IllegalArgumentException("run K must be in 1.." + MetricSpec.MAX_K + ", got " + runK);
  }

  @Override
  public String toString() {
    return "EvaluationContext[items=" + numItems + ", K=" + runK + ", users=" + numUsers
        + (itemVectors == null ? ", no item vectors" : ", item vectors " + itemVectors.rows() + "×" + itemVectors.dim()) + "]";
  }
}
