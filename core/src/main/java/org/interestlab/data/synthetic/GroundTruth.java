package org.interestlab.data.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
import org.interestlab.compute.CsvText;
import org.interestlab.data.DatasetUnavailableException;
import org.interestlab.data.Dataset;
import org.interestlab.data.InterestTruth;
import org.interestlab.data.Item;

/**
 * What the {@code synthetic-interests} generator planted: the topics (and which one emerges when),
 * each item's topic, and each user's interests, mixture weights and drift event. Clustering
 * metrics such as ARI and NMI compare against {@link #primaryInterest(Dataset)}; drift and cluster
 * birth detection compare against {@link #driftEvents()} and {@link #emergingTopic()}.
 *
 * <p>Topics are addressed by index (their row in {@code truth_topics.csv}) or by name. A user's
 * weights never change; a drift event only changes which topics hold them: the {@code from} topic's
 * weight moves to {@code to}, and if {@code to} was already one of the user's interests the two
 * swap weights ({@link UserTruth#interestsAt(long)}).
 *
 * <pre>{@code
 * GroundTruth truth = GroundTruth.read(Path.of("datasets/synthetic-interests"));
 * Dataset data = new SyntheticInterestsSource().load(Path.of("datasets/synthetic-interests"));
 * int[] labels = truth.primaryInterest(data);     // one topic index per dense user index
 * String t = truth.topicOf(data.items().get(0).id());
 * }</pre>
 */
public final class GroundTruth implements InterestTruth {
  static final String TOPICS_FILE = "truth_topics.csv";
  static final String ITEMS_FILE = "truth_items.csv";
  static final String USERS_FILE = "truth_users.csv";
  static final List<String> TOPICS_HEADER = List.of("topic_index", "topic", "emerging", "available_from", "popularity");
  static final List<String> ITEMS_HEADER = List.of("item_id", "topic", "secondary_topic");
  static final List<String> USERS_HEADER = List.of(
      "user_id", "interests", "weights", "primary_year", "primary_final",
      "drift_timestamp", "drift_date", "drift_from", "drift_to");

  /**
   * A topic. {@code availableFrom} is the first day its items exist (the dataset's first day for
   * the base topics); {@code popularity} is its weight when users draw interests and drift
   * targets (the weights of the base topics sum to 1 up to rounding; 0 for the emerging topic,
   * which users only reach by adopting it).
   */
  public record Topic(int index, String name, boolean emerging, LocalDate availableFrom, double popularity) {
    public Topic {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(availableFrom, "availableFrom");
    }

    /** {@link #availableFrom()} as Unix seconds (midnight UTC). */
    public long availableFromTimestamp() {
      return availableFrom.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
  }

  /** An item's topic and, for a few items, a secondary topic ({@code -1} when none). */
  public record ItemTruth(String itemId, int topic, int secondaryTopic) {
    public boolean hasSecondaryTopic() {
      return secondaryTopic >= 0;
    }
  }

  /** At {@code timestamp} (Unix seconds) the user's interest {@code from} became {@code to}. */
  public record DriftEvent(long timestamp, int from, int to) {}

  /**
   * One user's planted interests.
   *
   * @param interests topic indices, primary first, as held on the first day
   * @param weights the mixture weights of {@code interests} (same order, multiples of 0.01,
   *     summing to 1; the first is at least 0.5)
   * @param primaryYear the topic with the largest expected share of this user's interactions over
   *     the whole year, given the interaction times and the drift event (ties go to the first-day
   *     primary)
   * @param primaryFinal the primary interest on the last day (after the drift event, if any)
   * @param drift the drift event, if the user has one
   */
  public record UserTruth(String userId, List<Integer> interests, List<Double> weights, int primaryYear,
      int primaryFinal, Optional<DriftEvent> drift) {
    public UserTruth {
      interests = List.copyOf(interests);
      weights = List.copyOf(weights);
      if (interests.isEmpty() || interests.size() != weights.size()) {
        throw new IllegalArgumentException("interests and weights must be non-empty and aligned: " + userId);
      }
      Objects.requireNonNull(drift, "drift");
    }

    /** The first-day primary interest. */
    public int primaryInitial() {
      return interests.get(0);
    }

    /** The topics holding {@link #weights()} at {@code timestamp} (Unix seconds). */
    public List<Integer> interestsAt(long timestamp) {
      if (drift.isEmpty() || timestamp < drift.get().timestamp()) return interests;
      DriftEvent d = drift.get();
      List<Integer> after = new ArrayList<>(interests.size());
      for (int t : interests) {
        after.add(t == d.from() ? d.to() : t == d.to() ? d.from() : t);
      }
      return Collections.unmodifiableList(after);
    }

    /** The primary interest at {@code timestamp}. */
    public int primaryAt(long timestamp) {
      return interestsAt(timestamp).get(0);
    }
  }

  private final List<Topic> topics;
  private final List<ItemTruth> items;
  private final List<UserTruth> users;
  private final Map<String, Integer> topicByName = new HashMap<>();
  private final Map<String, ItemTruth> itemById = new HashMap<>();
  private final Map<String, UserTruth> userById = new HashMap<>();
  private final Topic emerging;

  GroundTruth(List<Topic> topics, List<ItemTruth> items, List<UserTruth> users) {
    this.topics = List.copyOf(topics);
    this.items = List.copyOf(items);
    this.users = List.copyOf(users);
    Topic em = null;
    for (int i = 0; i < this.topics.size(); i++) {
      Topic t = this.topics.get(i);
      if (t.index() != i) throw new IllegalArgumentException("topic " + t.name() + " has index " + t.index() + ", expected " + i);
      topicByName.put(t.name(), i);
      if (t.emerging()) em = t;
    }
    if (em == null) throw new IllegalArgumentException("no emerging topic");
    this.emerging = em;
    for (ItemTruth it : this.items) itemById.put(it.itemId(), it);
    for (UserTruth u : this.users) userById.put(u.userId(), u);
  }

  public List<Topic> topics() {
    return topics;
  }

  public int numTopics() {
    return topics.size();
  }

  public String topicName(int index) {
    return topics.get(index).name();
  }

  /** Index of a topic by name, or -1. */
  public int topicIndex(String name) {
    return topicByName.getOrDefault(name, -1);
  }

  /** The topic that has no items and no interactions before {@link #emergingStart()}. */
  public Topic emergingTopic() {
    return emerging;
  }

  public LocalDate emergingStart() {
    return emerging.availableFrom();
  }

  /** {@link #emergingStart()} as Unix seconds (midnight UTC): no interaction of its items is earlier. */
  public long emergingStartTimestamp() {
    return emerging.availableFromTimestamp();
  }

  /** Topic names by index. */
  public List<String> topicNames() {
    return topics.stream().map(Topic::name).toList();
  }

  /** Items in file order. */
  public List<ItemTruth> items() {
    return items;
  }

  /** Users in file order. */
  public List<UserTruth> users() {
    return users;
  }

  public UserTruth user(String userId) {
    UserTruth u = userById.get(userId);
    if (u == null) throw new IllegalArgumentException("unknown user: " + userId);
    return u;
  }

  /** The name of an item's (primary) topic. */
  public String topicOf(String itemId) {
    return topicName(topicIndexOf(itemId));
  }

  /** The name of an item's (primary) topic. */
  public String topicOf(Item item) {
    return topicOf(item.id());
  }

  public int topicIndexOf(String itemId) {
    ItemTruth it = itemById.get(itemId);
    if (it == null) throw new IllegalArgumentException("unknown item: " + itemId);
    return it.topic();
  }

  /** Drift events by user id, in user order; users without one are absent. */
  public Map<String, DriftEvent> driftEvents() {
    Map<String, DriftEvent> m = new LinkedHashMap<>();
    for (UserTruth u : users) u.drift().ifPresent(d -> m.put(u.userId(), d));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public int numInterests() {
    return numTopics();
  }

  @Override
  public String interestName(int index) {
    return topicName(index);
  }

  @Override
  public int primaryInterestAt(String userId, long timestamp) {
    return user(userId).primaryAt(timestamp);
  }

  @Override
  public Map<String, Change> interestChanges() {
    Map<String, Change> m = new LinkedHashMap<>();
    driftEvents().forEach((u, d) -> m.put(u, new Change(d.timestamp(), d.from(), d.to())));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public Optional<Emerging> emergingInterest() {
    return Optional.of(new Emerging(emerging.index(), emerging.name(), emergingStartTimestamp()));
  }

  /** {@link UserTruth#primaryYear()} per dense user index of {@code data}: the clustering labels. */
  @Override
  public int[] primaryInterest(Dataset data) {
    int[] out = new int[data.numUsers()];
    for (int i = 0; i < out.length; i++) out[i] = userTruth(data, i).primaryYear();
    return out;
  }

  /** {@link UserTruth#primaryFinal()} per dense user index of {@code data}. */
  public int[] finalInterest(Dataset data) {
    int[] out = new int[data.numUsers()];
    for (int i = 0; i < out.length; i++) out[i] = userTruth(data, i).primaryFinal();
    return out;
  }

  /** The topic index of every item, per dense item index of {@code data}. */
  public int[] itemTopics(Dataset data) {
    int[] out = new int[data.numItems()];
    for (int i = 0; i < out.length; i++) out[i] = topicIndexOf(data.items().get(i).id());
    return out;
  }

  private UserTruth userTruth(Dataset data, int index) {
    String id = data.users().get(index).id();
    UserTruth u = userById.get(id);
    if (u == null) throw new IllegalArgumentException("user " + id + " of " + data.name() + " has no ground truth");
    return u;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroundTruth g && topics.equals(g.topics) && items.equals(g.items) && users.equals(g.users);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topics, items, users);
  }

  @Override
  public String toString() {
    return "GroundTruth[" + topics.size() + " topics, " + items.size() + " items, " + users.size()
        + " users, " + driftEvents().size() + " drift events, emerging " + emerging.name() + " from "
        + emerging.availableFrom() + "]";
  }

  // ---- files ----

  CsvText topicsCsv() {
    CsvText out = CsvText.withHeader(TOPICS_HEADER);
    for (Topic t : topics) {
      out.row(Integer.toString(t.index()), t.name(), Boolean.toString(t.emerging()), t.availableFrom().toString(),
          SyntheticInterests.fixed(t.popularity(), 4));
    }
    return out;
  }

  CsvText itemsCsv() {
    CsvText out = CsvText.withHeader(ITEMS_HEADER, items.size() * 32);
    for (ItemTruth it : items) out.row(it.itemId(), topicName(it.topic()), it.hasSecondaryTopic() ? topicName(it.secondaryTopic()) : "");
    return out;
  }

  CsvText usersCsv() {
    CsvText out = CsvText.withHeader(USERS_HEADER, users.size() * 96);
    for (UserTruth u : users) {
      StringBuilder names = new StringBuilder();
      StringBuilder ws = new StringBuilder();
      for (int i = 0; i < u.interests().size(); i++) {
        if (i > 0) {
          names.append(';');
          ws.append(';');
        }
        names.append(topicName(u.interests().get(i)));
        ws.append(SyntheticInterests.formatHundredths((int) Math.round(u.weights().get(i) * 100)));
      }
      Optional<DriftEvent> d = u.drift();
      out.row(u.userId(), names.toString(), ws.toString(), topicName(u.primaryYear()),
          topicName(u.primaryFinal()),
          d.map(e -> Long.toString(e.timestamp())).orElse(""),
          d.map(e -> java.time.Instant.ofEpochSecond(e.timestamp()).toString()).orElse(""),
          d.map(e -> topicName(e.from())).orElse(""),
          d.map(e -> topicName(e.to())).orElse(""));
    }
    return out;
  }

  /**
   * Reads {@code truth_topics.csv}, {@code truth_items.csv} and {@code truth_users.csv} from a
   * folder written by {@link SyntheticInterests#write}.
   *
   * @throws org.interestlab.data.DatasetUnavailableException if a file is missing
   * @throws UserException naming the file and line if a file is malformed
   */
  public static GroundTruth read(Path folder) {
    List<Topic> topics = new ArrayList<>();
    Map<String, Integer> byName = new HashMap<>();
    for (CsvRow r : rows(folder.resolve(TOPICS_FILE), TOPICS_HEADER)) {
      int index = r.getInt("topic_index", "the row's position, an integer");
      if (index != topics.size()) throw r.invalid("topic_index", String.valueOf(topics.size()) + " (topics in order 0, 1, …)");
      String emerging = r.get("emerging");
      if (!emerging.equals("true") && !emerging.equals("false")) throw r.invalid("emerging", "true or false");
      LocalDate from;
      try {
        from = LocalDate.parse(r.get("available_from"));
      } catch (DateTimeParseException e) {
        throw r.invalid("available_from", "a date such as 2023-07-01");
      }
      if (byName.put(r.get("topic"), index) != null) throw r.error("topic", "duplicate topic '" + r.get("topic") + "'");
      double popularity = r.getDouble("popularity", "a number");
      topics.add(new Topic(index, r.get("topic"), emerging.equals("true"), from, popularity));
    }
    if (topics.stream().filter(Topic::emerging).count() != 1) {
      throw new UserException(folder.resolve(TOPICS_FILE) + ": exactly one topic must be emerging");
    }

    List<ItemTruth> items = new ArrayList<>();
    for (CsvRow r : rows(folder.resolve(ITEMS_FILE), ITEMS_HEADER)) {
      int topic = topic(r, byName, "topic");
      int secondary = r.get("secondary_topic").isEmpty() ? -1 : topic(r, byName, "secondary_topic");
      items.add(new ItemTruth(r.get("item_id"), topic, secondary));
    }

    List<UserTruth> users = new ArrayList<>();
    for (CsvRow r : rows(folder.resolve(USERS_FILE), USERS_HEADER)) {
      String[] names = r.get("interests").split(";", -1);
      String[] ws = r.get("weights").split(";", -1);
      if (names.length != ws.length) throw r.error("weights", names.length + " interests but " + ws.length + " weights — expected one weight per interest");
      List<Integer> interests = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        interests.add(topic(r, byName, "interests", names[i]));
        try {
          weights.add(Double.parseDouble(ws[i]));
        } catch (NumberFormatException e) {
          throw r.error("weights", "'" + ws[i] + "' — allowed: numbers separated by ';'");
        }
      }
      Optional<DriftEvent> drift = Optional.empty();
      if (!r.get("drift_timestamp").isEmpty()) {
        long ts = r.getLong("drift_timestamp", "an integer (Unix seconds) or empty");
        drift = Optional.of(new DriftEvent(ts, topic(r, byName, "drift_from"), topic(r, byName, "drift_to")));
      }
      users.add(new UserTruth(r.get("user_id"), interests, weights, topic(r, byName, "primary_year"), topic(r, byName, "primary_final"), drift));
    }
    return new GroundTruth(topics, items, users);
  }

  private static List<CsvRow> rows(Path file, List<String> header) {
    if (!Files.isRegularFile(file)) throw new DatasetUnavailableException(file + " is missing");
    return CsvTable.read(file, header);
  }

  private static int topic(CsvRow r, Map<String, Integer> byName, String column) {
    return topic(r, byName, column, r.get(column));
  }

  private static int topic(CsvRow r, Map<String, Integer> byName, String column, String name) {
    Integer t = byName.get(name);
    if (t == null) throw r.error(column, "unknown topic '" + name + "' — allowed: the topics listed in " + TOPICS_FILE);
    return t;
  }
}
