package org.interestlab.data;

import java.util.Map;
import java.util.Objects;

/** A user with the dataset's original id and optional attributes (age, gender, occupation, ...). */
public record User(String id, Map<String, String> attributes) {
  public User {
    Objects.requireNonNull(id, "id");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static User of(String id) {
    return new User(id, Map.of());
  }
}
