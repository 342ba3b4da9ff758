package org.interestlab.data;

/**
 * One event: a user rated, tagged, reviewed or consumed an item.
 *
 * @param user dense user index into {@link Dataset#users()}
 * @param item dense item index into {@link Dataset#items()}
 * @param rating the rating, or {@link Double#NaN} when the event carries none (a tag, a view)
 * @param timestamp seconds since the Unix epoch
 * @param text what the user wrote with this event (review, tag), or {@code ""}
 */
public record Interaction(int user, int item, double rating, long timestamp, String text) {
  public Interaction {
    if (user < 0 || item < 0) throw new IllegalArgumentException("negative index: " + user + "/" + item);
    text = text == null ? "" : text;
  }

  public boolean hasRating() {
    return !Double.isNaN(rating);
  }

  public boolean hasText() {
    return !text.isEmpty();
  }
}
