package org.interestlab.profile;

import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Item;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * What an item's content vector is made of: the item's own text (title, description) and the reviews
 * written about it <em>in the part of the data it is given</em> — the training part, never the
 * validation or test part, so a held-out review cannot reach any vector used to score it.
 *
 * <p>Config section {@code item_documents:} (optional; defaults below):
 *
 * <ul>
 *   <li>{@code reviews}: {@code auto} (default) adds reviews only to items that have no text of their
 *       own, so catalogues with titles keep exactly their old vectors and review-only catalogues (Amazon
 *       5-core files carry no titles) get content at all; {@code always} adds them to every item;
 *       {@code never} uses the item's own text alone;
 *   <li>{@code pooling}: {@code mean} (default) embeds each text once and averages the L2-normalised
 *       vectors (a sentence model reads at most 256 tokens, so one long document would be cut after the
 *       first review); {@code joined} joins the texts into one document embedded once (suits TF-IDF);
 *   <li>{@code max_reviews}: at most this many of the item's latest training reviews (default 20, ≥ 1).
 * </ul>
 *
 * <p>An item with no text and no training review has <b>no content vector</b>: its row is all zeros.
 * Content models rank such items below every item with content (see {@code ContentKnnRecommender}).
 * An item whose only text is its own keeps exactly the encoder's vector of that text.
 *
 * <p>Cost: one encoder call over the distinct texts ({@code ≤ n_items · (1 + max_reviews)}), each
 * review embedded once (through the embedding cache when the encoder has one); {@code O(|train|·log)}
 * to collect the reviews.
 *
 * <pre>{@code
 * Embeddings items = ItemDocuments.defaults().vectors(split.train(), encoder);
 * }</pre>
 *
 * @param reviews {@code auto}, {@code always} or {@code never}
 * @param pooling {@code mean} or {@code joined}
 * @param maxReviews most training reviews per item (default 20)
 */
public record ItemDocuments(String reviews, String pooling, int maxReviews) {
  /** The config section's key. */
  public static final String KEY = "item_documents";

  /** The section's parameters, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      choice("reviews", "auto", List.of("auto", "always", "never"),
          "add the item's training reviews: auto = only to items without text of their own"),
      choice("pooling", "mean", List.of("mean", "joined"), "mean of each text's vector, or one joined document"),
      integer("max_reviews", 20, 1, 1_000_000, "most (latest) training reviews per item"));

  public ItemDocuments {
    PARAMS.check("reviews", reviews);
    PARAMS.check("pooling", pooling);
    PARAMS.check("max_reviews", maxReviews);
  }

  /** {@code reviews: auto, pooling: mean, max_reviews: 20}. */
  public static ItemDocuments defaults() {
    return of(PARAMS.defaults());
  }

  /** From the section's validated parameters. */
  public static ItemDocuments of(Params p) {
    return new ItemDocuments(p.getString("reviews"), p.getString("pooling"), p.getInt("max_reviews"));
  }

  /**
   * Per item, the reviews its vector is built from: up to {@code maxReviews} of its latest reviews in
   * {@code train} (oldest of them first); empty when this item takes no reviews.
   */
  public List<List<String>> reviewsPerItem(Dataset train) {
    List<List<Interaction>> reviewsOf = new ArrayList<>(train.numItems());
    for (int i = 0; i < train.numItems(); i++) reviewsOf.add(new ArrayList<>());
    for (Interaction e : train.interactions()) if (e.hasText()) reviewsOf.get(e.item()).add(e);
    List<List<String>> out = new ArrayList<>(train.numItems());
    for (int i = 0; i < train.numItems(); i++) {
      boolean own = !train.items().get(i).fullText().isEmpty();
      boolean take = reviews.equals("always") || reviews.equals("auto") && !own;
      List<Interaction> r = reviewsOf.get(i);
      // Stable sort: equal timestamps keep dataset order, so the choice is reproducible.
      r.sort(Comparator.comparingLong(Interaction::timestamp));
      out.add(take ? r.subList(Math.max(0, r.size() - maxReviews), r.size()).stream().map(Interaction::text).toList() : List.of());
    }
    return out;
  }

  /** Per item, whether it has a content vector in {@code train}: its own text, or a review it takes. */
  public boolean[] hasContent(Dataset train) {
    List<List<String>> reviewsPerItem = reviewsPerItem(train);
    boolean[] out = new boolean[train.numItems()];
    for (int i = 0; i < out.length; i++) out[i] = !train.items().get(i).fullText().isEmpty() || !reviewsPerItem.get(i).isEmpty();
    return out;
  }

  /**
   * The texts, beyond the items' own, that the encoder embeds for {@code train} (the reviews, or the
   * joined documents of items that have reviews): what a TF-IDF vocabulary must also be fitted on.
   */
  public List<String> reviewTexts(Dataset train) {
    List<String> out = new ArrayList<>();
    for (Doc d : docs(train)) if (d.reviews()) out.addAll(d.texts());
    return out;
  }

  /**
   * One row per item: its content vector, or zeros when it has none. The items' own texts are embedded
   * in one call exactly as they always were (so catalogues without reviews keep their vectors bit for
   * bit); the reviews are embedded in a second call, each distinct text once.
   */
  public Embeddings vectors(Dataset train, FittedEncoder encoder) {
    List<String> own = train.items().stream().map(Item::fullText).toList();
    Embeddings ownVectors = encoder.encode(own);
    List<Doc> docs = docs(train);
    Map<String, Integer> row = new LinkedHashMap<>();
    for (Doc d : docs) if (d.reviews()) for (String t : d.texts()) row.putIfAbsent(t, row.size());
    Embeddings reviewVectors = row.isEmpty() ? null : encoder.encode(new ArrayList<>(row.keySet()));
    int dim = ownVectors.dim();
    float[] out = new float[docs.size() * dim];
    for (int i = 0; i < docs.size(); i++) {
      Doc d = docs.get(i);
      if (d.texts().isEmpty()) continue;
      if (!d.reviews()) {
        System.arraycopy(ownVectors.data(), i * dim, out, i * dim, dim);
        continue;
      }
      double[] acc = new double[dim];
      // With mean pooling the item's own text counts as one more text beside its reviews.
      if (pooling.equals("mean") && !own.get(i).isEmpty()) UnitMean.addUnit(acc, ownVectors.data(), i * dim, 1.0);
      for (String t : d.texts()) UnitMean.addUnit(acc, reviewVectors.data(), row.get(t) * dim, 1.0);
      UnitMean.writeUnit(acc, out, i * dim);
    }
    return new Embeddings(docs.size(), dim, out);
  }

  /**
   * What is embedded for one item beyond its own text: with {@code reviews}, the review texts (mean
   * pooling) or the one joined document of own text and reviews; without, nothing.
   */
  private record Doc(boolean reviews, List<String> texts) {}

  private List<Doc> docs(Dataset train) {
    List<List<String>> reviewsPerItem = reviewsPerItem(train);
    List<Doc> out = new ArrayList<>(reviewsPerItem.size());
    for (int i = 0; i < reviewsPerItem.size(); i++) {
      List<String> r = reviewsPerItem.get(i);
      String own = train.items().get(i).fullText();
      if (r.isEmpty()) out.add(new Doc(false, own.isEmpty() ? List.of() : List.of(own)));
      else if (pooling.equals("mean")) out.add(new Doc(true, r));
      else out.add(new Doc(true, List.of(own.isEmpty() ? String.join(" ", r) : own + " " + String.join(" ", r))));
    }
    return out;
  }
}
