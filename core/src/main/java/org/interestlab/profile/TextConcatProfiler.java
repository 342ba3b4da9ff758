package org.interestlab.profile;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * A user is the text of their most recent {@code maxTexts} events, joined and embedded at once:
 * for each event, what the user wrote (review, tag) or, when they wrote nothing, the item's title
 * and description. This is the "describe the user to the language model" profile.
 *
 * <p>Cost: one encoder call over {@code n_users} texts.
 *
 * @param maxTexts how many of the most recent events to join (default 20)
 */
public record TextConcatProfiler(int maxTexts) implements UserProfiler {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(integer("max_texts", 20, 1, 10_000, "how many recent events to join"));

  /** The config's {@code profile: { kind: text-concat }}. */
  public static final ComponentSpec<TextConcatProfiler> SPEC = new ComponentSpec<>("text-concat",
      "embed the joined texts of the user's most recent events", PARAMS, (p, seed) -> new TextConcatProfiler(p.getInt("max_texts")));

  public TextConcatProfiler {
    PARAMS.check("max_texts", maxTexts);
  }

  /** The config's default: the 20 most recent events. */
  public static TextConcatProfiler defaults() {
    return SPEC.createDefault(0L);
  }

  /** The text each user is described by; {@code ""} for users with no events. */
  public List<String> userTexts(Dataset train) {
    List<List<Interaction>> history = UserHistory.byUser(train, true);
    List<String> texts = new ArrayList<>(train.numUsers());
    for (List<Interaction> events : history) {
      StringBuilder sb = new StringBuilder();
      // Most recent first, so truncation by the encoder drops the oldest.
      for (int i = events.size() - 1, taken = 0; i >= 0 && taken < maxTexts; i--, taken++) {
        Interaction e = events.get(i);
        String t = e.hasText() ? e.text() : train.items().get(e.item()).fullText();
        if (t.isEmpty()) continue;
        if (sb.length() > 0) sb.append(' ');
        sb.append(t);
        if (!t.endsWith(".") && !t.endsWith("!") && !t.endsWith("?") && !t.endsWith("。")) sb.append('.');
      }
      texts.add(sb.toString());
    }
    return texts;
  }

  /** The users' own non-empty texts: a TF-IDF encoder's vocabulary must include their words. */
  @Override
  public List<String> encoderCorpus(Dataset train) {
    return userTexts(train).stream().filter(t -> !t.isEmpty()).toList();
  }

  @Override
  public FittedProfiler fit(Dataset train, FittedEncoder encoder, Embeddings itemVectors) {
    if (encoder == null) throw new IllegalArgumentException("text-concat profiles need a fitted encoder");
    return history -> profile(history, encoder);
  }

  private UserProfiles profile(Dataset history, FittedEncoder encoder) {
    List<String> texts = userTexts(history);
    boolean[] present = new boolean[texts.size()];
    List<String> nonEmpty = new ArrayList<>();
    for (int u = 0; u < texts.size(); u++) {
      present[u] = !texts.get(u).isEmpty();
      if (present[u]) nonEmpty.add(texts.get(u));
    }
    Embeddings encoded = encoder.encode(nonEmpty);
    float[] out = new float[texts.size() * encoded.dim()];
    for (int u = 0, r = 0; u < texts.size(); u++) {
      if (present[u]) System.arraycopy(encoded.data(), r++ * encoded.dim(), out, u * encoded.dim(), encoded.dim());
    }
    return new UserProfiles(new Embeddings(texts.size(), encoded.dim(), out), present);
  }
}
