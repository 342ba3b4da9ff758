package org.interestlab.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interestlab.UserException;
import org.interestlab.encode.TextTokens;

/**
 * Readable names for clusters: the top terms of each cluster by class-based TF-IDF (c-TF-IDF,
 * Grootendorst 2022, "BERTopic: Neural topic modeling with a class-based TF-IDF procedure",
 * arXiv:2203.05794).
 *
 * <p>All texts of a cluster's members are joined into one cluster document. For term {@code t}
 * and cluster {@code c}:
 *
 * <pre>
 *   W(t, c) = tf(t, c) / |c| · ln(1 + A / f(t))
 * </pre>
 *
 * where {@code tf(t, c)} is how often {@code t} occurs in cluster document {@code c}, {@code |c|}
 * the number of terms in it, {@code f(t)} the frequency of {@code t} summed over all clusters and
 * {@code A} the average number of terms per cluster document. (BERTopic truncates {@code A} to an
 * integer; here it is the exact mean.) A term frequent in one cluster and rare elsewhere scores
 * high; a filler word spread evenly over all clusters scores low.
 *
 * <p>Terms are {@link TextTokens} tokens with stop words removed: the English stop list, single
 * Chinese/Japanese characters (only character bigrams are kept for scripts written without spaces),
 * bigrams holding a Chinese function character (的, 了, 和, …), and pure numbers. Ties in
 * {@code W} go to the alphabetically first term, so the result is reproducible.
 *
 * <p>Chinese keywords: a bigram is only a piece of a longer word as often as not (纪念 of 纪念品).
 * For display, a top bigram is extended by a neighbouring character whenever at least {@value
 * #EXTEND_SHARE} of the bigram's occurrences in the texts have that neighbour (repeatedly, up to
 * {@value #MAX_CJK_WORD} characters, never by a function character), and keywords that extend to
 * the same word are listed once, at the rank of the best of them.
 *
 * <p>Cost: {@code O(total text length + clusters · vocabulary · log topN)}.
 *
 * <pre>{@code
 * List<List<String>> names = new ClusterKeywords(5).fit(memberTexts, labels).top();
 * }</pre>
 *
 * @param topN how many terms to keep per cluster (≥ 1)
 */
public record ClusterKeywords(int topN) {
  /** Characters that carry grammar, not topic, in Chinese text; a bigram holding one is dropped. */
  public static final String CHINESE_FUNCTION_CHARACTERS = "的了和与是在这那也很太都还就但而及或并之其吗呢吧啊着过把被给对从让我你他她它们个些于一";
  /** Share of a bigram's occurrences that must have the same neighbour for the keyword to take it in. */
  static final double EXTEND_SHARE = 0.8;
  /** The longest extended Chinese keyword, in characters. */
  static final int MAX_CJK_WORD = 6;

  public ClusterKeywords {
    if (topN < 1) throw new IllegalArgumentException("top_n must be ≥ 1, got " + topN);
  }

  /**
   * The keywords of each cluster.
   *
   * @param top per cluster (index = label), its terms by decreasing weight (fewer than {@code topN}
   *     when the cluster has fewer distinct terms; empty for a cluster without members or text)
   * @param weights the matching c-TF-IDF weights
   */
  public record Result(List<List<String>> top, List<double[]> weights) {
    public Result {
      top = top.stream().map(List::copyOf).toList();
      weights = weights.stream().map(double[]::clone).toList();
    }

    public List<String> of(int cluster) {
      return top.get(cluster);
    }
  }

  /**
   * Scores the terms of every cluster.
   *
   * @param texts one text per point (for a user: their texts joined); may be empty strings
   * @param labels one cluster per point, {@code 0 … k−1}; {@code −1} (noise, no cluster) is skipped
   */
  public Result fit(List<String> texts, int[] labels) {
    if (texts.size() != labels.length) {
      throw new IllegalArgumentException(texts.size() + " texts for " + labels.length + " labels");
    }
    int k = 0;
    for (int l : labels) {
      if (l < -1) throw new UserException("cluster keywords: label " + l + " is not a cluster (allowed: −1 for noise, 0 … k−1)");
      k = Math.max(k, l + 1);
    }
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int c = 0; c < k; c++) counts.add(new HashMap<>());
    CjkNeighbours neighbours = new CjkNeighbours();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) continue;
      Map<String, Integer> m = counts.get(labels[i]);
      for (String t : terms(texts.get(i))) m.merge(t, 1, Integer::sum);
      neighbours.add(texts.get(i));
    }
    if (neighbours.isEmpty()) return score(counts, topN);
    // Extended words can coincide; rank more bigrams than needed so that topN distinct words remain.
    Result wide = score(counts, topN * 4);
    List<List<String>> top = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (int c = 0; c < wide.top().size(); c++) {
      List<String> words = new ArrayList<>();
      List<Double> w = new ArrayList<>();
      for (int r = 0; r < wide.of(c).size() && words.size() < topN; r++) {
        String word = neighbours.extend(wide.of(c).get(r));
        if (words.contains(word)) continue;
        words.add(word);
        w.add(wide.weights().get(c)[r]);
      }
      top.add(words);
      weights.add(w.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new Result(top, weights);
  }

  /** c-TF-IDF from per-cluster term counts (a cluster may have none), the best {@code limit} per cluster. */
  Result score(List<Map<String, Integer>> counts, int limit) {
    int k = counts.size();
    Map<String, Long> total = new HashMap<>();
    long[] length = new long[k];
    for (int c = 0; c < k; c++) {
      for (Map.Entry<String, Integer> e : counts.get(c).entrySet()) {
        total.merge(e.getKey(), (long) e.getValue(), Long::sum);
        length[c] += e.getValue();
      }
    }
    double average = k == 0 ? 0 : Arrays.stream(length).sum() / (double) k;
    List<List<String>> top = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<Map.Entry<String, Double>> scored = new ArrayList<>();
      for (Map.Entry<String, Integer> e : counts.get(c).entrySet()) {
        double tf = e.getValue() / (double) length[c];
        double idf = Math.log(1 + average / total.get(e.getKey()));
        scored.add(Map.entry(e.getKey(), tf * idf));
      }
      scored.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Double.compare(b.getValue(), a.getValue()));
      int n = Math.min(limit, scored.size());
      List<String> names = new ArrayList<>(n);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        names.add(scored.get(i).getKey());
        w[i] = scored.get(i).getValue();
      }
      top.add(names);
      weights.add(w);
    }
    return new Result(top, weights);
  }

  /** The terms of one text, stop words removed, repeats kept. */
  public static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String t : TextTokens.tokenize(text)) {
      if (isStopTerm(t)) continue;
      out.add(t);
    }
    return out;
  }

  /** Words of scikit-learn's English stop list that {@link TextTokens}' shorter list keeps. */
  private static final Set<String> EXTRA_ENGLISH = Set.of("also", "anyone", "everything", "nothing");

  private static boolean isStopTerm(String t) {
    int first = t.codePointAt(0);
    if (isCjk(first)) {
      if (t.codePointCount(0, t.length()) < 2) return true;
      return t.codePoints().anyMatch(cp -> CHINESE_FUNCTION_CHARACTERS.indexOf(cp) >= 0);
    }
    if (t.chars().allMatch(Character::isDigit)) return true;
    return EXTRA_ENGLISH.contains(t);
  }

  /** For every Chinese/Japanese character bigram of some texts: how often, and its left and right neighbours. */
  private static final class CjkNeighbours {
    private static final int EDGE = -1; // start or end of a run of such characters
    private final Map<String, Integer> count = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> left = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> right = new HashMap<>();

    void add(String text) {
      int[] cps = text.codePoints().toArray();
      for (int i = 0; i < cps.length; ) {
        if (!isCjk(cps[i])) {
          i++;
          continue;
        }
        int start = i;
        while (i < cps.length && isCjk(cps[i])) i++;
        for (int k = start; k + 1 < i; k++) {
          String bigram = new String(cps, k, 2);
          count.merge(bigram, 1, Integer::sum);
          left.computeIfAbsent(bigram, b -> new HashMap<>()).merge(k > start ? cps[k - 1] : EDGE, 1, Integer::sum);
          right.computeIfAbsent(bigram, b -> new HashMap<>()).merge(k + 2 < i ? cps[k + 2] : EDGE, 1, Integer::sum);
        }
      }
    }

    boolean isEmpty() {
      return count.isEmpty();
    }

    /** The word a bigram keyword stands for; other terms unchanged. */
    String extend(String term) {
      if (!count.containsKey(term)) return term;
      StringBuilder word = new StringBuilder(term);
      String edge = term;
      while (word.codePointCount(0, word.length()) < MAX_CJK_WORD) {
        int c = dominant(right.get(edge), count.get(edge));
        if (c == EDGE) break;
        word.appendCodePoint(c);
        edge = new String(new int[] {edge.codePointAt(edge.offsetByCodePoints(0, 1)), c}, 0, 2);
      }
      edge = term;
      while (word.codePointCount(0, word.length()) < MAX_CJK_WORD) {
        int c = dominant(left.get(edge), count.get(edge));
        if (c == EDGE) break;
        word.insert(0, Character.toChars(c));
        edge = new String(new int[] {c, edge.codePointAt(0)}, 0, 2);
      }
      return word.toString();
    }

    /** The neighbour held by at least {@link #EXTEND_SHARE} of the occurrences, if a content character; else EDGE. */
    private static int dominant(Map<Integer, Integer> neighbours, Integer total) {
      if (neighbours == null || total == null) return EDGE;
      for (Map.Entry<Integer, Integer> e : neighbours.entrySet()) {
        int c = e.getKey();
        if (c != EDGE && e.getValue() >= EXTEND_SHARE * total && CHINESE_FUNCTION_CHARACTERS.indexOf(c) < 0) return c;
      }
      return EDGE;
    }
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA;
  }
}
