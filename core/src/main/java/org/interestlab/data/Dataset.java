package org.interestlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable dataset: users, items and what users did with items.
 *
 * <p>Users and items keep their original ids and are addressed inside InterestLab by dense int
 * indices (their position in {@link #users()} / {@link #items()}), in order of first appearance in
 * the source files, so the indices are reproducible.
 *
 * <ul>
 *   <li>{@link #interactions()}: ratings, purchases, views (each may carry a review text);
 *   <li>{@link #tags()}: events that only carry text, such as MovieLens tags. They are not
 *       interactions (they do not count as consumption) but they are user texts.
 * </ul>
 *
 * <p>Build one with {@link #builder(String)}.
 */
public final class Dataset {
  private final String name;
  private final List<User> users;
  private final List<Item> items;
  private final List<Interaction> interactions;
  private final List<Interaction> tags;
  private final Map<String, Integer> userIndex;
  private final Map<String, Integer> itemIndex;
  private final List<String> loadNotes;

  private Dataset(String name, List<User> users, List<Item> items, List<Interaction> interactions, List<Interaction> tags,
      List<String> loadNotes) {
    this.name = name;
    this.loadNotes = List.copyOf(loadNotes);
    this.users = List.copyOf(users);
    this.items = List.copyOf(items);
    this.interactions = Collections.unmodifiableList(new ArrayList<>(interactions));
    this.tags = Collections.unmodifiableList(new ArrayList<>(tags));
    this.userIndex = indexOf(this.users.stream().map(User::id).toList());
    this.itemIndex = indexOf(this.items.stream().map(Item::id).toList());
    for (Interaction i : this.interactions) checkBounds(i);
    for (Interaction i : this.tags) checkBounds(i);
  }

  private void checkBounds(Interaction i) {
    if (i.user() >= users.size() || i.item() >= items.size()) {
      throw new IllegalArgumentException("interaction out of range: " + i);
    }
  }

  private static Map<String, Integer> indexOf(List<String> ids) {
    Map<String, Integer> m = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (m.put(ids.get(i), i) != null) throw new IllegalArgumentException("duplicate id: " + ids.get(i));
    }
    return Collections.unmodifiableMap(m);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() { return name; }
  public List<User> users() { return users; }
  public List<Item> items() { return items; }
  public List<Interaction> interactions() { return interactions; }
  public List<Interaction> tags() { return tags; }
  public int numUsers() { return users.size(); }
  public int numItems() { return items.size(); }

  /**
   * What the loader left out and why, one line each (e.g. {@code "ratings.csv: skipped 3 duplicate
   * rows (same user, item and time), first at line 17"}); empty when every record was used.
   */
  public List<String> loadNotes() { return loadNotes; }

  /** Dense index of an original user id, or -1. */
  public int userIndex(String id) {
    return userIndex.getOrDefault(id, -1);
  }

  /** Dense index of an original item id, or -1. */
  public int itemIndex(String id) {
    return itemIndex.getOrDefault(id, -1);
  }

  /**
   * The same users and items with other interactions (and tags): what a split or a filter returns.
   * Indices stay valid across the two datasets.
   */
  public Dataset withInteractions(List<Interaction> newInteractions, List<Interaction> newTags) {
    return new Dataset(name, users, items, newInteractions, newTags, loadNotes);
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ": " + users.size() + " users, " + items.size() + " items, "
        + interactions.size() + " interactions, " + tags.size() + " tags]";
  }

  /**
   * Collects users, items and events by original id, assigning dense indices in order of first
   * appearance. Adding an interaction for an unknown user creates that user; an unknown item is
   * created with empty texts unless {@link #item} was called for it (before or after).
   */
  public static final class Builder {
    private final String name;
    private final LinkedHashMap<String, User> users = new LinkedHashMap<>();
    private final LinkedHashMap<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Integer> userIdx = new HashMap<>();
    private final Map<String, Integer> itemIdx = new HashMap<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private final List<Interaction> tags = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Declares or replaces a user (keeping its index). */
    public Builder user(User user) {
      userIdx.computeIfAbsent(user.id(), k -> userIdx.size());
      users.put(user.id(), user);
      return this;
    }

    /** Declares or replaces an item (keeping its index). */
    public Builder item(Item item) {
      itemIdx.computeIfAbsent(item.id(), k -> itemIdx.size());
      items.put(item.id(), item);
      return this;
    }

    /** True when {@link #item} declared this id (or an interaction created it). */
    public boolean hasItem(String itemId) {
      return itemIdx.containsKey(itemId);
    }

    /** True when {@link #user} declared this id (or an event created it). */
    public boolean hasUser(String userId) {
      return userIdx.containsKey(userId);
    }

    /** Records one line of what the loader left out and why (see {@link Dataset#loadNotes()}). */
    public Builder note(String line) {
      notes.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /** Interactions added so far. */
    public int interactionCount() {
      return interactions.size();
    }

    List<Interaction> interactionsSoFar() {
      return Collections.unmodifiableList(interactions);
    }

    /** Removes the interactions at the given positions (ascending, as added): exact duplicates found after loading. */
    public Builder removeInteractions(int[] positions) {
      if (positions.length == 0) return this;
      List<Interaction> kept = new ArrayList<>(interactions.size() - positions.length);
      int next = 0;
      for (int i = 0; i < interactions.size(); i++) {
        if (next < positions.length && positions[next] == i) next++;
        else kept.add(interactions.get(i));
      }
      interactions.clear();
      interactions.addAll(kept);
      return this;
    }

    public int userIndex(String userId) {
      Integer i = userIdx.get(userId);
      if (i == null) {
        user(User.of(userId));
        i = userIdx.get(userId);
      }
      return i;
    }

    public int itemIndex(String itemId) {
      Integer i = itemIdx.get(itemId);
      if (i == null) {
        item(new Item(itemId, "", "", List.of()));
        i = itemIdx.get(itemId);
      }
      return i;
    }

    /** Adds an interaction; {@code rating} may be NaN, {@code text} may be null. */
    public Builder interaction(String userId, String itemId, double rating, long timestamp, String text) {
      interactions.add(new Interaction(userIndex(userId), itemIndex(itemId), rating, timestamp, text));
      return this;
    }

    /** Adds a text-only event (a tag). */
    public Builder tag(String userId, String itemId, String text, long timestamp) {
      tags.add(new Interaction(userIndex(userId), itemIndex(itemId), Double.NaN, timestamp, text));
      return this;
    }

    public Dataset build() {
      return new Dataset(name, new ArrayList<>(users.values()), new ArrayList<>(items.values()), interactions, tags, notes);
    }
  }
}
