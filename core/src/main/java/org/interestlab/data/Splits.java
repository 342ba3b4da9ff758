package org.interestlab.data;

import java.util.ArrayList;
import java.util.List;

/** What every splitter does last: drop test events whose user or item training never saw. */
final class Splits {
  private Splits() {}

  /**
   * Builds the split from membership flags (input order is kept in both halves).
   *
   * @param testInteraction per interaction: goes to test
   * @param testTag per tag: goes to test
   */
  static Split assemble(Dataset d, boolean[] testInteraction, boolean[] testTag) {
    List<Interaction> all = d.interactions();
    boolean[] seenUser = new boolean[d.numUsers()];
    boolean[] seenItem = new boolean[d.numItems()];
    List<Interaction> train = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (testInteraction[i]) continue;
      Interaction x = all.get(i);
      train.add(x);
      seenUser[x.user()] = true;
      seenItem[x.item()] = true;
    }
    List<Interaction> test = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < all.size(); i++) {
      Interaction x = all.get(i);
      if (!testInteraction[i]) continue;
      if (seenUser[x.user()] && seenItem[x.item()]) test.add(x);
      else dropped++;
    }
    List<Interaction> trainTags = new ArrayList<>();
    List<Interaction> testTags = new ArrayList<>();
    List<Interaction> tags = d.tags();
    for (int i = 0; i < tags.size(); i++) {
      Interaction t = tags.get(i);
      if (!testTag[i]) trainTags.add(t);
      else if (seenUser[t.user()] && seenItem[t.item()]) testTags.add(t);
    }
    return new Split(d.withInteractions(train, trainTags), d.withInteractions(test, testTags), dropped);
  }

}
