package org.interestlab.data.synthetic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The generator's own topic vocabulary, for tests that check what a model learned from it. */
public final class TopicWords {
  private TopicWords() {}

  /** The lower-case single words of topic {@code name}'s phrases ("road trip" gives road, trip). */
  public static Set<String> of(String language, String name) {
    Texts texts = Texts.of(language, 0, Texts.MAX_BASE_TOPICS);
    int t = texts.topicNames().indexOf(name);
    if (t < 0) throw new IllegalArgumentException("no topic " + name);
    Set<String> out = new LinkedHashSet<>();
    for (String phrase : texts.vocabulary(t)) {
      for (String w : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
    }
    return out;
  }

  public static List<String> topicNames(String language) {
    return Texts.of(language, 0, Texts.MAX_BASE_TOPICS).topicNames();
  }
}
