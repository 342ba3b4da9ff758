package org.interestlab.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word tokeniser of {@link TfIdfEncoder}: lower-case (root locale), split on anything that is not
 * a Unicode letter, digit or combining mark, keep tokens of two or more characters, drop a small
 * English stop list. That matches scikit-learn's default {@code token_pattern} {@code (?u)\b\w\w+\b}
 * except that the underscore separates words here.
 *
 * <p>Runs of Han, Hiragana or Katakana characters (scripts written without spaces) become
 * their single characters plus adjacent character bigrams, the usual baseline for Chinese/Japanese
 * bag-of-words models; otherwise a whole Chinese sentence would be one token.
 *
 * <p>Complexity: O(length of the text).
 */
public final class TextTokens {
  /** A small English stop list (articles, pronouns, auxiliaries, prepositions, conjunctions). */
  public static final Set<String> ENGLISH_STOP_WORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
      "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
      "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
      "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
      "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
      "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
      "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
      "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
      "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
      "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
      "yourselves");

  private TextTokens() {}

  /** Tokens of {@code text} in reading order (repeats kept: they are the term counts). */
  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    String s = text.toLowerCase(Locale.ROOT);
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isCjk(cp)) {
        int start = i;
        while (i < n && isCjk(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        emitCjk(s.substring(start, i), out);
      } else if (isWordChar(cp)) {
        int start = i;
        while (i < n) {
          int c = s.codePointAt(i);
          if (!isWordChar(c) || isCjk(c)) break;
          i += Character.charCount(c);
        }
        String tok = s.substring(start, i);
        if (tok.codePointCount(0, tok.length()) >= 2 && !ENGLISH_STOP_WORDS.contains(tok)) out.add(tok);
      } else {
        i += Character.charCount(cp);
      }
    }
    return out;
  }

  private static void emitCjk(String run, List<String> out) {
    int[] cps = run.codePoints().toArray();
    for (int cp : cps) out.add(new String(Character.toChars(cp)));
    for (int k = 0; k + 1 < cps.length; k++) out.add(new String(cps, k, 2));
  }

  private static boolean isWordChar(int cp) {
    int t = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA;
  }
}
