package org.interestlab.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interestlab.UserException;
import org.interestlab.compute.CsvText;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.data.synthetic.GroundTruth.DriftEvent;
import org.interestlab.data.synthetic.GroundTruth.ItemTruth;
import org.interestlab.data.synthetic.GroundTruth.Topic;
import org.interestlab.data.synthetic.GroundTruth.UserTruth;

/**
 * The {@code synthetic-interests} dataset: users with known mixtures of interests that drift over
 * a year, items with topic texts, interactions with popularity bias and review texts, and one
 * topic that appears mid-year. It is InterestLab's default dataset because its ground truth
 * ({@link GroundTruth}) makes clustering metrics (ARI, NMI) and drift detection measurable.
 *
 * <p>Everything comes from {@link Params#seed()} through an explicit SplitMix64 generator and
 * {@link StrictMath}, so the same parameters give the same files byte for byte on any JVM. The
 * shipped files in {@code datasets/synthetic-interests/} (English) and
 * {@code datasets/synthetic-interests-zh/} (Chinese) are {@code write(generate(defaults))}.
 *
 * <h2>The model (defaults in brackets)</h2>
 *
 * <ul>
 *   <li><b>Topics</b>: 12 base topics (travel, food &amp; cooking, art, music, sports, technology,
 *       finance, health &amp; fitness, gaming, movies &amp; TV, science, fashion) and one emerging
 *       topic, "AI art", which has no items before {@code emergingStart} (2023-07-01).
 *   <li><b>Items</b> [1,000, of which 40 emerging]: the base items are split evenly over the base
 *       topics and shuffled. An item's popularity rank within its topic is its order of appearance,
 *       and users pick within a topic with Zipf weights {@code 1/rank^s} [s = 0.9]. A share of items
 *       [8%] also has a secondary topic, which shows in its text and categories. Texts mix topic
 *       words, generic filler words, and words of other topics [10% of topic-word slots].
 *   <li><b>Users</b> [3,000]: 1, 2 or 3 interests [with probabilities 0.4, 0.4, 0.2], the first
 *       the primary; distinct base topics drawn by topic popularity {@code 1/rank^t} over a seeded
 *       random ranking [t = 0.5], so interest clusters differ in size. Weights are
 *       {@code b·e1 + (1−b)·d} with {@code d} a Dirichlet(1,…,1) draw sorted in decreasing order
 *       [b = 0.25], so the primary weight is at least 0.5; rounded to hundredths.
 *   <li><b>Interactions</b> [15–60 per user, log-uniform]: times uniform over 2023 (UTC). Each is
 *       noise [10%]: a uniformly random item available at that time; otherwise a topic is drawn
 *       from the user's mixture at that time and an item from the topic by popularity. No user
 *       meets an item twice. Ratings 1–5: on-interest items (a topic the user holds then) get
 *       P(1..5) = 3, 7, 20, 35, 35%, other items 20, 25, 35, 15, 5%. Reviews are short texts from
 *       the item's topic words and a sentiment template for the rating; a share [30%] is empty.
 *   <li><b>Drift</b>: a fraction of users [15%] change primary interest to another base topic at a
 *       time uniform in [2023-03-01, 2023-11-01) (the new topic drawn by popularity); another fraction [8%] adopt the emerging topic as
 *       primary at a time uniform in the {@code emergingAdoptionDays} [92] after its start. Either
 *       way the old primary's weight moves to the new topic (if that was already an interest, the
 *       two swap weights), so the emerging topic is born as a cluster in the second half-year.
 * </ul>
 *
 * <pre>{@code
 * SyntheticData data = SyntheticInterests.generate(SyntheticInterests.Params.defaults());
 * Dataset dataset = data.dataset();
 * int[] labels = data.truth().primaryInterest(dataset);
 * SyntheticInterests.write(data, Path.of("datasets/synthetic-interests"));
 * // Chinese texts, same users, items and interactions:
 * SyntheticInterests.generate(SyntheticInterests.Params.defaults().withLanguage("zh"));
 * }</pre>
 */
public final class SyntheticInterests {
  /** The dataset's name in configs ({@code dataset: { source: synthetic-interests }}). */
  public static final String NAME = "synthetic-interests";

  static final String ITEMS_FILE = "items.csv";
  static final String USERS_FILE = "users.csv";
  static final String INTERACTIONS_FILE = "interactions.csv";
  static final String README_FILE = "README.md";
  static final List<String> ITEMS_HEADER = List.of("item_id", "title", "description", "categories");
  static final List<String> USERS_HEADER = List.of("user_id");
  static final List<String> INTERACTIONS_HEADER = List.of("user_id", "item_id", "rating", "timestamp", "review");
  /** Every file {@link #write} produces, in the order it writes them. */
  public static final List<String> FILES = List.of(ITEMS_FILE, USERS_FILE, INTERACTIONS_FILE,
      GroundTruth.TOPICS_FILE, GroundTruth.ITEMS_FILE, GroundTruth.USERS_FILE, README_FILE);

  /** Rating distributions in percent for ratings 1..5: on-interest items are liked more. */
  static final int[] ON_INTEREST_RATING_PERCENT = {3, 7, 20, 35, 35};
  static final int[] OFF_INTEREST_RATING_PERCENT = {20, 25, 35, 15, 5};

  private static final long DAY = 86_400L;

  private SyntheticInterests() {}

  /**
   * The generator's parameters. {@link #defaults()} gives the shipped dataset; the withers change
   * one parameter. Values out of range are rejected with a {@link UserException} naming the
   * parameter, since they usually come from a config file.
   *
   * @param seed everything random derives from it (42)
   * @param language {@code en} or {@code zh}: the language of titles, descriptions, reviews and
   *     topic names; users, items and interactions do not depend on it ({@code en})
   * @param numUsers users (3,000)
   * @param numItems items, emerging ones included (1,000)
   * @param numTopics base topics in use, the first n of the twelve (12)
   * @param emergingItems items of the emerging topic (40)
   * @param minInteractions fewest interactions per user (15)
   * @param maxInteractions most interactions per user (60); the count is log-uniform in between
   * @param interestCountShares probability of 1, 2, 3, … interests ([0.4, 0.4, 0.2])
   * @param primaryBoost {@code b} in the weights {@code b·e1 + (1−b)·sorted Dirichlet}; must make
   *     the primary weight at least 0.5 (0.25)
   * @param noiseShare share of interactions on a uniformly random item (0.10)
   * @param zipfExponent exponent {@code s} of item popularity {@code 1/rank^s} within a topic (0.9)
   * @param topicSkew exponent of topic popularity: base topics are ranked in a seeded random order
   *     and drawn as interests (and drift targets) with weight {@code 1/rank^topicSkew}, so interest
   *     clusters differ in size (0.5: the most popular topic is about 3.5 times the least)
   * @param secondaryTopicShare share of items with a secondary topic (0.08)
   * @param wordLeak share of topic-word slots in texts filled from a random base topic (0.10)
   * @param emptyReviewShare share of interactions without review text (0.30)
   * @param driftFraction share of users whose primary interest moves to another base topic (0.15)
   * @param driftWindowStart first day a base-topic drift can happen (2023-03-01)
   * @param driftWindowEnd day after the last day a base-topic drift can happen (2023-11-01)
   * @param emergingStart first day of the emerging topic's items and interactions (2023-07-01)
   * @param emergingAdopterFraction share of users whose primary interest moves to the emerging
   *     topic (0.08: about as many users as a base topic has in the second half-year, so the new
   *     cluster is not absorbed by a neighbour)
   * @param emergingAdoptionDays adoption times are uniform in this many days from
   *     {@code emergingStart} (92)
   * @param firstDay first day of interactions (2023-01-01)
   * @param lastDay last day of interactions, inclusive (2023-12-31)
   */
  public record Params(
      long seed,
      String language,
      int numUsers,
      int numItems,
      int numTopics,
      int emergingItems,
      int minInteractions,
      int maxInteractions,
      List<Double> interestCountShares,
      double primaryBoost,
      double noiseShare,
      double zipfExponent,
      double topicSkew,
      double secondaryTopicShare,
      double wordLeak,
      double emptyReviewShare,
      double driftFraction,
      LocalDate driftWindowStart,
      LocalDate driftWindowEnd,
      LocalDate emergingStart,
      double emergingAdopterFraction,
      int emergingAdoptionDays,
      LocalDate firstDay,
      LocalDate lastDay) {

    public Params {
      if (language == null || !(language.equals("en") || language.equals("zh"))) {
        throw invalid("language", language, "en or zh");
      }
      if (numTopics < 2 || numTopics > Texts.MAX_BASE_TOPICS) {
        throw invalid("numTopics", numTopics, "2.." + Texts.MAX_BASE_TOPICS);
      }
      if (numUsers < 1 || numUsers > 1_000_000) throw invalid("numUsers", numUsers, "1..1000000");
      if (emergingItems < 1) throw invalid("emergingItems", emergingItems, "at least 1");
      if (numItems < emergingItems + numTopics || numItems > 1_000_000) {
        throw invalid("numItems", numItems, "emergingItems + numTopics (" + (emergingItems + numTopics) + ")..1000000");
      }
      if (minInteractions < 1) throw invalid("minInteractions", minInteractions, "at least 1");
      int baseItems = numItems - emergingItems;
      if (maxInteractions < minInteractions || maxInteractions > baseItems / 2) {
        throw invalid("maxInteractions", maxInteractions, "minInteractions.." + (baseItems / 2)
            + " (half the non-emerging items, so a user always finds unseen items)");
      }
      if (interestCountShares == null || interestCountShares.isEmpty() || interestCountShares.size() > numTopics) {
        throw invalid("interestCountShares", interestCountShares, "1.." + numTopics + " probabilities");
      }
      interestCountShares = List.copyOf(interestCountShares);
      double sum = 0;
      for (double s : interestCountShares) {
        if (!(s >= 0 && s <= 1)) throw invalid("interestCountShares", interestCountShares, "probabilities in [0, 1]");
        sum += s;
      }
      if (Math.abs(sum - 1) > 1e-9) throw invalid("interestCountShares", interestCountShares, "probabilities summing to 1");
      int maxInterests = interestCountShares.size();
      if (!(primaryBoost >= 0 && primaryBoost <= 1) || primaryBoost + (1 - primaryBoost) / maxInterests < 0.5 - 1e-12) {
        throw invalid("primaryBoost", primaryBoost,
            "[0, 1] with primaryBoost + (1 - primaryBoost) / " + maxInterests + " >= 0.5, so the primary weight is at least 0.5");
      }
      checkShare("noiseShare", noiseShare);
      if (!(zipfExponent >= 0 && zipfExponent <= 5)) throw invalid("zipfExponent", zipfExponent, "[0, 5]");
      if (!(topicSkew >= 0 && topicSkew <= 3)) throw invalid("topicSkew", topicSkew, "[0, 3]");
      checkShare("secondaryTopicShare", secondaryTopicShare);
      checkShare("wordLeak", wordLeak);
      checkShare("emptyReviewShare", emptyReviewShare);
      checkShare("driftFraction", driftFraction);
      checkShare("emergingAdopterFraction", emergingAdopterFraction);
      if (driftFraction + emergingAdopterFraction > 1) {
        throw invalid("driftFraction + emergingAdopterFraction", driftFraction + emergingAdopterFraction, "at most 1");
      }
      if (firstDay == null || lastDay == null || !lastDay.isAfter(firstDay)) {
        throw invalid("lastDay", lastDay, "a day after firstDay (" + firstDay + ")");
      }
      if (driftWindowStart == null || driftWindowEnd == null || driftWindowStart.isBefore(firstDay)
          || !driftWindowEnd.isAfter(driftWindowStart) || driftWindowEnd.isAfter(lastDay.plusDays(1))) {
        throw invalid("driftWindowStart..driftWindowEnd", driftWindowStart + ".." + driftWindowEnd,
            "a non-empty window within " + firstDay + ".." + lastDay.plusDays(1));
      }
      if (emergingStart == null || !emergingStart.isAfter(firstDay) || emergingStart.isAfter(lastDay)) {
        throw invalid("emergingStart", emergingStart, "a day after " + firstDay + " and not after " + lastDay);
      }
      if (emergingAdoptionDays < 1 || emergingStart.plusDays(emergingAdoptionDays).isAfter(lastDay.plusDays(1))) {
        throw invalid("emergingAdoptionDays", emergingAdoptionDays, "1.." + (lastDay.toEpochDay() + 1 - emergingStart.toEpochDay()));
      }
    }

    private static void checkShare(String name, double v) {
      if (!(v >= 0 && v <= 1)) throw invalid(name, v, "[0, 1]");
    }

    private static UserException invalid(String name, Object value, String allowed) {
      return new UserException(NAME + ": parameter " + name + " = " + value + " is not allowed; allowed: " + allowed);
    }

    /** The parameters of the shipped dataset (English). */
    public static Params defaults() {
      return new Params(42L, "en", 3000, 1000, 12, 40, 15, 60, List.of(0.4, 0.4, 0.2), 0.25, 0.10, 0.9,
          0.5, 0.08, 0.10, 0.30, 0.15, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 11, 1),
          LocalDate.of(2023, 7, 1), 0.08, 92, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    }

    public Params withSeed(long s) {
      return new Params(s, language, numUsers, numItems, numTopics, emergingItems, minInteractions, maxInteractions,
          interestCountShares, primaryBoost, noiseShare, zipfExponent, topicSkew, secondaryTopicShare, wordLeak, emptyReviewShare,
          driftFraction, driftWindowStart, driftWindowEnd, emergingStart, emergingAdopterFraction, emergingAdoptionDays,
          firstDay, lastDay);
    }

    public Params withLanguage(String l) {
      return new Params(seed, l, numUsers, numItems, numTopics, emergingItems, minInteractions, maxInteractions,
          interestCountShares, primaryBoost, noiseShare, zipfExponent, topicSkew, secondaryTopicShare, wordLeak, emptyReviewShare,
          driftFraction, driftWindowStart, driftWindowEnd, emergingStart, emergingAdopterFraction, emergingAdoptionDays,
          firstDay, lastDay);
    }

    /** Fewer or more users and items, with the emerging items kept at 4% of the items. */
    public Params withSize(int users, int items) {
      int emerging = Math.max(1, items / 25);
      return new Params(seed, language, users, items, numTopics, emerging, minInteractions,
          Math.min(maxInteractions, Math.max(minInteractions, (items - emerging) / 2)), interestCountShares,
          primaryBoost, noiseShare, zipfExponent, topicSkew, secondaryTopicShare, wordLeak, emptyReviewShare, driftFraction,
          driftWindowStart, driftWindowEnd, emergingStart, emergingAdopterFraction, emergingAdoptionDays, firstDay, lastDay);
    }

    /** The folder name the files ship under: {@code synthetic-interests} or {@code synthetic-interests-zh}. */
    public String folderName() {
      return language.equals("en") ? NAME : NAME + "-" + language;
    }

    /** Parameter names and their values as written in README.md, in declaration order. */
    Map<String, String> describe() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("seed", Long.toString(seed));
      m.put("language", language);
      m.put("numUsers", Integer.toString(numUsers));
      m.put("numItems", Integer.toString(numItems));
      m.put("numTopics", Integer.toString(numTopics));
      m.put("emergingItems", Integer.toString(emergingItems));
      m.put("minInteractions", Integer.toString(minInteractions));
      m.put("maxInteractions", Integer.toString(maxInteractions));
      StringBuilder shares = new StringBuilder("[");
      for (int i = 0; i < interestCountShares.size(); i++) {
        shares.append(i > 0 ? ", " : "").append(decimal(interestCountShares.get(i)));
      }
      m.put("interestCountShares", shares.append(']').toString());
      m.put("primaryBoost", decimal(primaryBoost));
      m.put("noiseShare", decimal(noiseShare));
      m.put("zipfExponent", decimal(zipfExponent));
      m.put("topicSkew", decimal(topicSkew));
      m.put("secondaryTopicShare", decimal(secondaryTopicShare));
      m.put("wordLeak", decimal(wordLeak));
      m.put("emptyReviewShare", decimal(emptyReviewShare));
      m.put("driftFraction", decimal(driftFraction));
      m.put("driftWindowStart", driftWindowStart.toString());
      m.put("driftWindowEnd", driftWindowEnd.toString());
      m.put("emergingStart", emergingStart.toString());
      m.put("emergingAdopterFraction", decimal(emergingAdopterFraction));
      m.put("emergingAdoptionDays", Integer.toString(emergingAdoptionDays));
      m.put("firstDay", firstDay.toString());
      m.put("lastDay", lastDay.toString());
      return m;
    }
  }

  // ---------------------------------------------------------------- generation

  /** Generates the dataset and its ground truth; pure and deterministic in {@code params}. */
  public static SyntheticData generate(Params params) {
    return new Generator(params).run();
  }

  private static long epochSecond(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** One generation: holds the intermediate arrays so the steps stay readable. */
  private static final class Generator {
    private final Params p;
    private final Texts texts;
    private final int baseTopics;
    private final int emergingTopic;
    private final long firstTs;
    private final long endTs;
    private final long emergingTs;
    private int[] itemTopic;
    private int[] itemSecondary;
    private int[][] topicItems;
    private double[][] topicCumulative;
    private int[] baseItemList;
    private int[] allItemList;
    /** Base topic popularity (interest and drift-target weights), rounded to 1e-4 as written. */
    private double[] topicPopularity;

    Generator(Params p) {
      this.p = p;
      this.texts = Texts.of(p.language(), p.wordLeak(), p.numTopics());
      this.baseTopics = p.numTopics();
      this.emergingTopic = p.numTopics();
      this.firstTs = epochSecond(p.firstDay());
      this.endTs = epochSecond(p.lastDay().plusDays(1));
      this.emergingTs = epochSecond(p.emergingStart());
    }

    private int textTopic(int topic) {
      return topic == emergingTopic ? Texts.EMERGING : topic;
    }

    SyntheticData run() {
      topicPopularity = topicPopularity();
      List<Topic> topics = new ArrayList<>();
      for (int t = 0; t < baseTopics; t++) {
        topics.add(new Topic(t, texts.topicNames().get(t), false, p.firstDay(), topicPopularity[t]));
      }
      topics.add(new Topic(emergingTopic, texts.topicNames().get(Texts.EMERGING), true, p.emergingStart(), 0));

      List<Item> items = makeItems(topics);
      List<ItemTruth> itemTruths = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) itemTruths.add(new ItemTruth(items.get(i).id(), itemTopic[i], itemSecondary[i]));

      int userDigits = Math.max(4, Integer.toString(p.numUsers()).length());
      List<UserTruth> userTruths = new ArrayList<>(p.numUsers());
      List<long[]> events = new ArrayList<>();
      List<String> reviews = new ArrayList<>();
      for (int u = 0; u < p.numUsers(); u++) {
        String id = "u" + pad(u + 1, userDigits);
        userTruths.add(makeUser(u, id, events, reviews));
      }

      Dataset.Builder b = Dataset.builder(NAME);
      for (UserTruth u : userTruths) b.user(User.of(u.userId()));
      for (Item it : items) b.item(it);
      // Interactions in time order (then user, then item) so files and dense event order agree.
      Integer[] order = new Integer[events.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, Comparator.<Integer>comparingLong(i -> events.get(i)[2])
          .thenComparingLong(i -> events.get(i)[0]).thenComparingLong(i -> events.get(i)[1]));
      for (int i : order) {
        long[] e = events.get(i);
        b.interaction(userTruths.get((int) e[0]).userId(), items.get((int) e[1]).id(), e[3], e[2], reviews.get(i));
      }
      return new SyntheticData(b.build(), new GroundTruth(topics, itemTruths, userTruths), p);
    }

    /**
     * Weights {@code 1/rank^topicSkew} over a seeded random ranking of the base topics, normalised
     * and rounded to four decimals so the ground-truth file holds exactly the weights used.
     */
    private double[] topicPopularity() {
      SeededRandom rng = SeededRandom.stream(p.seed(), "topic-popularity");
      int[] rank = new int[baseTopics];
      for (int i = 0; i < baseTopics; i++) rank[i] = i;
      for (int i = baseTopics - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = rank[i];
        rank[i] = rank[j];
        rank[j] = tmp;
      }
      double[] w = new double[baseTopics];
      double sum = 0;
      for (int t = 0; t < baseTopics; t++) {
        w[t] = 1.0 / StrictMath.pow(rank[t] + 1, p.topicSkew());
        sum += w[t];
      }
      for (int t = 0; t < baseTopics; t++) {
        w[t] = new BigDecimal(w[t] / sum).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
      }
      return w;
    }

    /** A base topic drawn by {@link #topicPopularity}, skipping the first {@code n} of {@code exclude}. */
    private int popularTopic(SeededRandom r, int[] exclude, int n) {
      double total = 0;
      for (int t = 0; t < baseTopics; t++) if (!containsFirst(exclude, n, t)) total += topicPopularity[t];
      double x = r.nextDouble() * total;
      int last = -1;
      for (int t = 0; t < baseTopics; t++) {
        if (containsFirst(exclude, n, t)) continue;
        last = t;
        x -= topicPopularity[t];
        if (x < 0) return t;
      }
      return last; // rounding left x at or just above 0
    }

    private List<Item> makeItems(List<Topic> topics) {
      int n = p.numItems();
      int base = n - p.emergingItems();
      SeededRandom rng = SeededRandom.stream(p.seed(), "items");
      itemTopic = new int[n];
      for (int i = 0; i < n; i++) itemTopic[i] = i < base ? i % baseTopics : emergingTopic;
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = itemTopic[i];
        itemTopic[i] = itemTopic[j];
        itemTopic[j] = tmp;
      }
      itemSecondary = new int[n];
      for (int i = 0; i < n; i++) {
        itemSecondary[i] = -1;
        if (rng.chance(p.secondaryTopicShare())) {
          int t = itemTopic[i];
          if (t == emergingTopic) {
            itemSecondary[i] = rng.nextInt(baseTopics);
          } else {
            int s = rng.nextInt(baseTopics - 1);
            itemSecondary[i] = s >= t ? s + 1 : s;
          }
        }
      }
      // Popularity: an item's rank within its topic is its order of appearance (random, by the shuffle).
      int topicsTotal = baseTopics + 1;
      int[] counts = new int[topicsTotal];
      for (int t : itemTopic) counts[t]++;
      topicItems = new int[topicsTotal][];
      topicCumulative = new double[topicsTotal][];
      for (int t = 0; t < topicsTotal; t++) {
        topicItems[t] = new int[counts[t]];
        topicCumulative[t] = new double[counts[t]];
      }
      int[] fill = new int[topicsTotal];
      for (int i = 0; i < n; i++) {
        int t = itemTopic[i];
        int rank = fill[t]++;
        topicItems[t][rank] = i;
        double w = 1.0 / StrictMath.pow(rank + 1, p.zipfExponent());
        topicCumulative[t][rank] = (rank == 0 ? 0 : topicCumulative[t][rank - 1]) + w;
      }
      baseItemList = new int[base];
      allItemList = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        allItemList[i] = i;
        if (itemTopic[i] != emergingTopic) baseItemList[k++] = i;
      }

      SeededRandom textRng = SeededRandom.stream(p.seed(), "item-texts");
      int digits = Math.max(4, Integer.toString(n).length());
      List<Item> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int t = textTopic(itemTopic[i]);
        int s = itemSecondary[i] < 0 ? -1 : textTopic(itemSecondary[i]);
        String title = texts.title(textRng, t, s);
        String description = texts.description(textRng, t, s);
        List<String> categories = s < 0 ? List.of(topics.get(itemTopic[i]).name())
            : List.of(topics.get(itemTopic[i]).name(), topics.get(itemSecondary[i]).name());
        items.add(new Item("i" + pad(i + 1, digits), title, description, categories));
      }
      return items;
    }

    /**
     * Draws one user's interests, drift and interactions. Events are appended as
     * {user, item, timestamp, rating}; review texts come from a separate stream so the language
     * changes no other draw.
     */
    private UserTruth makeUser(int u, String id, List<long[]> events, List<String> reviews) {
      SeededRandom r = SeededRandom.stream(p.seed(), "user/" + u);
      double lo = StrictMath.log(p.minInteractions());
      double hi = StrictMath.log(p.maxInteractions() + 1.0);
      int n = (int) StrictMath.floor(StrictMath.exp(lo + r.nextDouble() * (hi - lo)));
      n = Math.max(p.minInteractions(), Math.min(p.maxInteractions(), n));

      int k = 1;
      double x = r.nextDouble();
      double acc = 0;
      for (int i = 0; i < p.interestCountShares().size(); i++) {
        acc += p.interestCountShares().get(i);
        if (x < acc || i == p.interestCountShares().size() - 1) {
          k = i + 1;
          break;
        }
      }
      int[] interests = new int[k];
      for (int i = 0; i < k; i++) interests[i] = popularTopic(r, interests, i);
      int[] hundredths = weights(r, k);

      Optional<DriftEvent> drift = Optional.empty();
      double role = r.nextDouble();
      if (role < p.driftFraction()) {
        long ts = r.nextLong(epochSecond(p.driftWindowStart()), epochSecond(p.driftWindowEnd()));
        int to = popularTopic(r, interests, 1);
        drift = Optional.of(new DriftEvent(ts, interests[0], to));
      } else if (role < p.driftFraction() + p.emergingAdopterFraction()) {
        long ts = r.nextLong(emergingTs, emergingTs + p.emergingAdoptionDays() * DAY);
        drift = Optional.of(new DriftEvent(ts, interests[0], emergingTopic));
      }

      List<Integer> interestList = Arrays.stream(interests).boxed().toList();
      List<Double> weightList = Arrays.stream(hundredths).mapToObj(h -> h / 100.0).toList();
      UserTruth draft = new UserTruth(id, interestList, weightList, interests[0], interests[0], drift);

      long[] times = new long[n];
      for (int i = 0; i < n; i++) times[i] = r.nextLong(firstTs, endTs);
      Arrays.sort(times);

      boolean[] seen = new boolean[p.numItems()];
      long[] score = new long[baseTopics + 1];
      SeededRandom reviewRng = SeededRandom.stream(p.seed(), "reviews/" + u);
      for (long t : times) {
        List<Integer> current = draft.interestsAt(t);
        for (int i = 0; i < k; i++) score[current.get(i)] += hundredths[i];
        boolean empty = r.chance(p.emptyReviewShare());
        int item = -1;
        if (!r.chance(p.noiseShare())) {
          int pick = r.nextInt(100);
          int slot = 0;
          for (int cum = hundredths[0]; pick >= cum; cum += hundredths[++slot]) {
            // walk the cumulative weights
          }
          item = popularDraw(r, current.get(slot), seen);
        }
        if (item < 0) item = uniformDraw(r, t, seen);
        seen[item] = true;
        boolean onInterest = current.contains(itemTopic[item]);
        int rating = rating(r, onInterest ? ON_INTEREST_RATING_PERCENT : OFF_INTEREST_RATING_PERCENT);
        events.add(new long[] {u, item, t, rating});
        reviews.add(empty ? "" : texts.review(reviewRng, textTopic(itemTopic[item]), rating));
      }

      // Primary over the year: the largest expected share given the mixture at each interaction.
      int primaryYear = interests[0];
      for (int t = 0; t < score.length; t++) if (score[t] > score[primaryYear]) primaryYear = t;
      int primaryFinal = draft.primaryAt(Long.MAX_VALUE);
      return new UserTruth(id, interestList, weightList, primaryYear, primaryFinal, drift);
    }

    /** {@code b·e1 + (1−b)·sorted Dirichlet(1,…,1)}, rounded to hundredths by largest remainder. */
    private int[] weights(SeededRandom r, int k) {
      double[] d = new double[k];
      double sum = 0;
      for (int i = 0; i < k; i++) {
        d[i] = -StrictMath.log(1.0 - r.nextDouble());
        sum += d[i];
      }
      Arrays.sort(d);
      double[] w = new double[k];
      for (int i = 0; i < k; i++) {
        w[i] = (1 - p.primaryBoost()) * d[k - 1 - i] / sum + (i == 0 ? p.primaryBoost() : 0);
      }
      int[] h = new int[k];
      int total = 0;
      for (int i = 0; i < k; i++) {
        h[i] = (int) StrictMath.floor(w[i] * 100);
        total += h[i];
      }
      while (total < 100) {
        int best = 0;
        double bestRem = -1;
        for (int i = 0; i < k; i++) {
          double rem = w[i] * 100 - h[i];
          if (rem > bestRem) {
            bestRem = rem;
            best = i;
          }
        }
        h[best]++;
        w[best] = h[best] / 100.0; // its remainder is used up
        total++;
      }
      return h;
    }

    /** An unseen item of {@code topic} by Zipf popularity, or -1 if the topic is exhausted. */
    private int popularDraw(SeededRandom r, int topic, boolean[] seen) {
      int[] its = topicItems[topic];
      double[] cum = topicCumulative[topic];
      for (int tries = 0; tries < 32; tries++) {
        double x = r.nextDouble() * cum[cum.length - 1];
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (cum[mid] > x) hi = mid;
          else lo = mid + 1;
        }
        if (!seen[its[lo]]) return its[lo];
      }
      // A heavy user has seen the head of the topic: take the most popular item left.
      for (int it : its) if (!seen[it]) return it;
      return -1;
    }

    /** A uniformly random unseen item among those available at {@code t}. */
    private int uniformDraw(SeededRandom r, long t, boolean[] seen) {
      int[] pool = t >= emergingTs ? allItemList : baseItemList;
      while (true) {
        int it = pool[r.nextInt(pool.length)];
        if (!seen[it]) return it;
      }
    }

    private static int rating(SeededRandom r, int[] percent) {
      int x = r.nextInt(100);
      int cum = 0;
      for (int i = 0; i < percent.length; i++) {
        cum += percent[i];
        if (x < cum) return i + 1;
      }
      return percent.length;
    }

    private static boolean containsFirst(int[] a, int n, int v) {
      for (int i = 0; i < n; i++) if (a[i] == v) return true;
      return false;
    }
  }

  private static String pad(int v, int digits) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, digits - s.length())) + s;
  }

  /** {@code 35 -> "0.35"}: weights are exact hundredths, printed without floating-point formatting. */
  static String formatHundredths(int h) {
    return (h / 100) + "." + pad(h % 100, 2);
  }

  /**
   * A decimal with at most six places and no trailing zeros, from the double's exact binary value:
   * independent of {@code Double.toString}, whose digits changed between JDK releases.
   */
  static String decimal(double v) {
    BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  static String fixed(double v, int places) {
    return new BigDecimal(v).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
  }

  // ---------------------------------------------------------------- files

  /**
   * Writes the dataset's files ({@link #FILES}) into {@code folder}. The files are first written to
   * a temporary sibling folder; a new folder is then renamed into place at once, and an existing
   * one has each file replaced by an atomic rename, so a reader never sees a half-written file.
   */
  public static void write(SyntheticData data, Path folder) {
    Map<String, byte[]> files = render(data);
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      if (Files.exists(target) && !Files.isDirectory(target)) {
        throw new UserException(target + " exists and is not a folder");
      }
      tmp = parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      Files.createDirectory(tmp);
      for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(tmp.resolve(f.getKey()), f.getValue());
      if (!Files.exists(target)) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        tmp = null;
      } else {
        for (String name : files.keySet()) {
          Files.move(tmp.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + NAME + " to " + target + ": " + e, e);
    } finally {
      if (tmp != null) deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.list(dir)) {
      for (Path f : s.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temporary folder is harmless: it starts with a dot and is never read.
    }
  }

  /** The bytes of every file, in {@link #FILES} order. */
  static Map<String, byte[]> render(SyntheticData data) {
    Dataset d = data.dataset();
    Map<String, byte[]> files = new LinkedHashMap<>();

    CsvText items = CsvText.withHeader(ITEMS_HEADER, d.numItems() * 200);
    for (Item it : d.items()) items.row(it.id(), it.title(), it.text(), String.join(";", it.categories()));
    files.put(ITEMS_FILE, items.utf8());

    CsvText users = CsvText.withHeader(USERS_HEADER, d.numUsers() * 8);
    for (User u : d.users()) users.row(u.id());
    files.put(USERS_FILE, users.utf8());

    CsvText inter = CsvText.withHeader(INTERACTIONS_HEADER, d.interactions().size() * 64);
    for (var e : d.interactions()) {
      inter.row(d.users().get(e.user()).id(), d.items().get(e.item()).id(), Integer.toString((int) e.rating()), Long.toString(e.timestamp()),
          e.text());
    }
    files.put(INTERACTIONS_FILE, inter.utf8());

    files.put(GroundTruth.TOPICS_FILE, data.truth().topicsCsv().utf8());
    files.put(GroundTruth.ITEMS_FILE, data.truth().itemsCsv().utf8());
    files.put(GroundTruth.USERS_FILE, data.truth().usersCsv().utf8());

    files.put(README_FILE, Readme.render(data, files).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /**
   * Writes the default dataset. Usage: {@code SyntheticInterests <folder> [--language en|zh]
   * [--seed N]}. This is what {@code ./lab datasets generate synthetic-interests} runs.
   */
  public static void main(String[] args) {
    try {
      Params params = Params.defaults();
      Path folder = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--language" -> params = params.withLanguage(value(args, ++i, "--language"));
          case "--seed" -> {
            String v = value(args, ++i, "--seed");
            try {
              params = params.withSeed(Long.parseLong(v));
            } catch (NumberFormatException e) {
              throw new UserException("--seed must be an integer, not " + v);
            }
          }
          default -> {
            if (args[i].startsWith("--") || folder != null) throw new UserException("unexpected argument: " + args[i]);
            folder = Path.of(args[i]);
          }
        }
      }
      if (folder == null) {
        throw new UserException("usage: SyntheticInterests <output folder> [--language en|zh] [--seed N]");
      }
      SyntheticData data = generate(params);
      write(data, folder);
      System.out.println("wrote " + data.dataset() + " to " + folder);
    } catch (UserException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) throw new UserException(flag + " needs a value");
    return args[i];
  }
}
