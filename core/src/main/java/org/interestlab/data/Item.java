package org.interestlab.data;

import java.util.List;
import java.util.Objects;

/**
 * An item of a catalogue (a movie, a product). {@code id} is the dataset's original id; texts may be
 * empty but never null.
 */
public record Item(String id, String title, String text, List<String> categories) {
  public Item {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Title and text joined: what an encoder reads for this item. */
  public String fullText() {
    if (text.isEmpty()) return title;
    if (title.isEmpty()) return text;
    return title + ". " + text;
  }
}
