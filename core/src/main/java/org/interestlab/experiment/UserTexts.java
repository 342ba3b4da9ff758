package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;

/** What a user's interactions say in words, for naming clusters of users by their keywords. */
final class UserTexts {
  private UserTexts() {}

  /**
   * Per user (dense index), the texts of their interactions with {@code from ≤ timestamp < to}
   * joined: each interaction's review and its item's title and description.
   */
  static List<String> of(Dataset data, long from, long to) {
    List<StringBuilder> out = new ArrayList<>(data.numUsers());
    for (int u = 0; u < data.numUsers(); u++) out.add(new StringBuilder());
    for (Interaction i : data.interactions()) {
      if (i.timestamp() < from || i.timestamp() >= to) continue;
      StringBuilder sb = out.get(i.user());
      sb.append(data.items().get(i.item()).fullText()).append(' ');
      if (i.hasText()) sb.append(i.text()).append(' ');
    }
    return out.stream().map(StringBuilder::toString).toList();
  }

  /** All of a user's texts. */
  static List<String> of(Dataset data) {
    return of(data, Long.MIN_VALUE, Long.MAX_VALUE);
  }
}
