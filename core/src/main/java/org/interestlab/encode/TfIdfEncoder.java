package org.interestlab.encode;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.integer;

import org.interestlab.compute.Embeddings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.interestlab.UserException;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.Params;

/**
 * The bag-of-words baseline: TF-IDF over a fitted vocabulary, reduced by truncated SVD (latent
 * semantic analysis) to dense, L2-normalised vectors.
 *
 * <h2>Definition</h2>
 * Tokens come from {@link TextTokens} (lower-case Unicode words of two or more characters, a small
 * English stop list; Chinese/Japanese as character unigrams + bigrams). For term t in document d of a
 * corpus of n documents:
 * <ul>
 *   <li>tf(t, d) = raw count, or {@code 1 + ln(count)} when {@code sublinearTf};
 *   <li>idf(t) = {@code ln((1 + n) / (1 + df(t))) + 1} — scikit-learn's smooth idf, so a term in every
 *       document keeps weight 1;
 *   <li>the tf · idf row is L2-normalised (scikit-learn's {@code norm="l2"}).
 * </ul>
 * The vocabulary keeps terms with document frequency ≥ {@code minDf}; of those, the
 * {@code maxFeatures} most frequent in the whole corpus (ties broken alphabetically). With the same
 * settings the tf-idf matrix equals scikit-learn's {@code TfidfVectorizer(min_df, max_features,
 * sublinear_tf, token_pattern=r"(?u)\b\w\w+\b", stop_words=TextTokens.ENGLISH_STOP_WORDS)} on
 * English text.
 *
 * <p>With {@code dimension > 0} the rows are projected on the top {@code dimension} right singular
 * vectors of the corpus tf-idf matrix, found by <b>randomized SVD</b> (Halko et al. 2011, subspace
 * iteration with {@code powerIterations} rounds and 10 oversampling columns, Gaussian start seeded by
 * {@code seed}) — deterministic for a seed, and equal to the exact SVD to within rounding when the
 * spectrum decays (always the case for real text). Each component's sign is fixed so its largest entry
 * is positive. The projection is then L2-normalised. When the corpus has rank below
 * {@code dimension}, the extra components are zero (the output keeps {@code dimension} columns).
 * With {@code dimension == 0} the raw tf-idf row is returned densified (one column per vocabulary
 * term, at most {@code maxFeatures}). Texts with no vocabulary term encode to the zero vector.
 *
 * <h2>Defaults</h2>
 * {@code maxFeatures 20000, minDf 2, sublinearTf true, dimension 128, powerIterations 5, seed 42}.
 *
 * <h2>Complexity</h2>
 * fit: O(total tokens) for counting plus O(12 · (nnz · l + (n + V) · l²)) for the SVD, l = dimension + 10;
 * encode: O(tokens · dimension) per text. Sparse products run in plain Java: the tf-idf matrix is
 * ~99.9% zeros, so densifying it for a GEMM would cost more than it saves.
 *
 * <pre>{@code
 * TfIdfEncoder tfidf = TfIdfEncoder.defaults().withDimension(64).withMinDf(1);
 * try (FittedEncoder enc = tfidf.fit(itemTexts)) {
 *   Embeddings vectors = enc.encode(itemTexts);   // itemTexts.size() × 64, rows of unit norm
 * }
 * }</pre>
 */
public record TfIdfEncoder(int maxFeatures, int minDf, boolean sublinearTf, int dimension, int powerIterations, long seed)
    implements Encoder {
  public static final int DEFAULT_MAX_FEATURES = 20000;
  public static final int DEFAULT_MIN_DF = 2;
  public static final int DEFAULT_DIMENSION = 128;
  public static final int DEFAULT_POWER_ITERATIONS = 5;
  public static final long DEFAULT_SEED = 42;
  private static final int OVERSAMPLE = 10;

  /** The parameters, as a config names them, with their ranges and defaults (the seed comes from the run). */
  public static final ParamList PARAMS = ParamList.of(
      integer("dimension", DEFAULT_DIMENSION, 0, 100_000, "output dimension after SVD (0 = raw tf-idf)"),
      integer("max_features", DEFAULT_MAX_FEATURES, 1, 10_000_000, "vocabulary size limit"),
      integer("min_df", DEFAULT_MIN_DF, 1, 1_000_000, "minimum document frequency of a term"),
      bool("sublinear_tf", true, "use 1 + ln(tf)"),
      integer("power_iterations", DEFAULT_POWER_ITERATIONS, 0, 50, "randomized-SVD power iterations"));

  /** The config's {@code encoder: { kind: tfidf }}. */
  public static final ComponentSpec<TfIdfEncoder> SPEC = new ComponentSpec<>("tfidf",
      "TF-IDF reduced by truncated SVD: the bag-of-words baseline", PARAMS, TfIdfEncoder::from);

  public TfIdfEncoder {
    PARAMS.check("max_features", maxFeatures);
    PARAMS.check("min_df", minDf);
    PARAMS.check("dimension", dimension);
    PARAMS.check("power_iterations", powerIterations);
  }

  /** Built from validated parameters (see {@link #PARAMS}) and a seed, as a config builds it. */
  public static TfIdfEncoder from(Params p, long seed) {
    return new TfIdfEncoder(p.getInt("max_features"), p.getInt("min_df"), p.getBool("sublinear_tf"), p.getInt("dimension"),
        p.getInt("power_iterations"), seed);
  }

  /** Every parameter at the config's default, seed {@link #DEFAULT_SEED}. */
  public static TfIdfEncoder defaults() {
    return from(PARAMS.defaults(), DEFAULT_SEED);
  }

  public TfIdfEncoder withMaxFeatures(int v) {
    return new TfIdfEncoder(v, minDf, sublinearTf, dimension, powerIterations, seed);
  }

  public TfIdfEncoder withMinDf(int v) {
    return new TfIdfEncoder(maxFeatures, v, sublinearTf, dimension, powerIterations, seed);
  }

  public TfIdfEncoder withSublinearTf(boolean v) {
    return new TfIdfEncoder(maxFeatures, minDf, v, dimension, powerIterations, seed);
  }

  public TfIdfEncoder withDimension(int v) {
    return new TfIdfEncoder(maxFeatures, minDf, sublinearTf, v, powerIterations, seed);
  }

  public TfIdfEncoder withPowerIterations(int v) {
    return new TfIdfEncoder(maxFeatures, minDf, sublinearTf, dimension, v, seed);
  }

  public TfIdfEncoder withSeed(long v) {
    return new TfIdfEncoder(maxFeatures, minDf, sublinearTf, dimension, powerIterations, v);
  }

  @Override
  public String id() {
    return String.format(Locale.ROOT, "tfidf(max_features=%d,min_df=%d,sublinear_tf=%b,dimension=%d,power_iterations=%d,seed=%d)",
        maxFeatures, minDf, sublinearTf, dimension, powerIterations, seed);
  }

  @Override
  public Fitted fit(List<String> corpus) {
    Objects.requireNonNull(corpus, "corpus");
    if (corpus.isEmpty()) throw new UserException("tfidf: cannot fit on an empty corpus");
    int n = corpus.size();
    List<List<String>> docs = new ArrayList<>(n);
    Map<String, int[]> stats = new HashMap<>(); // term → {document frequency, total count}
    for (int i = 0; i < n; i++) {
      String text = corpus.get(i);
      if (text == null) throw new UserException("tfidf: corpus text " + i + " is null");
      List<String> toks = TextTokens.tokenize(text);
      docs.add(toks);
      Map<String, Integer> seen = new HashMap<>();
      for (String t : toks) seen.merge(t, 1, Integer::sum);
      for (Map.Entry<String, Integer> e : seen.entrySet()) {
        int[] s = stats.computeIfAbsent(e.getKey(), k -> new int[2]);
        s[0]++;
        s[1] += e.getValue();
      }
    }
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> e : stats.entrySet()) if (e.getValue()[0] >= minDf) kept.add(e.getKey());
    if (kept.isEmpty()) {
      throw new UserException("tfidf: no term occurs in at least min_df=" + minDf + " of the " + n
          + " texts — lower min_df or give a larger corpus");
    }
    kept.sort((a, b) -> {
      int c = Integer.compare(stats.get(b)[1], stats.get(a)[1]);
      return c != 0 ? c : a.compareTo(b);
    });
    if (kept.size() > maxFeatures) kept = new ArrayList<>(kept.subList(0, maxFeatures));
    kept.sort(null); // alphabetical column order, as scikit-learn's vocabulary
    Map<String, Integer> vocab = new HashMap<>();
    double[] idf = new double[kept.size()];
    for (int j = 0; j < kept.size(); j++) {
      vocab.put(kept.get(j), j);
      idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(kept.get(j))[0])) + 1.0;
    }

    Weights weights = new Weights(vocab, idf, sublinearTf);
    RandomizedSvd.Csr x = weights.matrix(docs);
    float[] components = null; // term-major: components[term * dimension + c]
    if (dimension > 0) {
      RandomizedSvd.Result svd = RandomizedSvd.compute(x, dimension, OVERSAMPLE, powerIterations, seed);
      components = new float[idf.length * dimension];
      for (int c = 0; c < dimension; c++) {
        for (int j = 0; j < idf.length; j++) components[j * dimension + c] = (float) svd.components()[c * idf.length + j];
      }
    }
    return new Fitted(this, weights, components, corpusHash(corpus));
  }

  private static String corpusHash(List<String> corpus) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s : corpus) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Vocabulary and idf: turns token lists into L2-normalised sparse tf-idf rows. */
  record Weights(Map<String, Integer> vocab, double[] idf, boolean sublinearTf) {
    RandomizedSvd.Csr matrix(List<List<String>> docs) {
      int[] rowPtr = new int[docs.size() + 1];
      List<int[]> cols = new ArrayList<>(docs.size());
      List<double[]> vals = new ArrayList<>(docs.size());
      for (int i = 0; i < docs.size(); i++) {
        Object[] row = row(docs.get(i));
        cols.add((int[]) row[0]);
        vals.add((double[]) row[1]);
        rowPtr[i + 1] = rowPtr[i] + ((int[]) row[0]).length;
      }
      int[] colIdx = new int[rowPtr[docs.size()]];
      double[] values = new double[colIdx.length];
      for (int i = 0; i < docs.size(); i++) {
        System.arraycopy(cols.get(i), 0, colIdx, rowPtr[i], cols.get(i).length);
        System.arraycopy(vals.get(i), 0, values, rowPtr[i], vals.get(i).length);
      }
      return new RandomizedSvd.Csr(docs.size(), idf.length, rowPtr, colIdx, values);
    }

    /** {int[] sorted term indices, double[] weights} of one document, L2-normalised. */
    Object[] row(List<String> tokens) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (String t : tokens) {
        Integer j = vocab.get(t);
        if (j != null) counts.merge(j, 1, Integer::sum);
      }
      int[] idx = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] w = new double[idx.length];
      double norm = 0;
      for (int k = 0; k < idx.length; k++) {
        int c = counts.get(idx[k]);
        double tf = sublinearTf ? 1.0 + Math.log(c) : c;
        w[k] = tf * idf[idx[k]];
        norm += w[k] * w[k];
      }
      if (norm > 0) {
        double inv = 1.0 / Math.sqrt(norm);
        for (int k = 0; k < w.length; k++) w[k] *= inv;
      }
      return new Object[] {idx, w};
    }
  }

  /** A fitted TF-IDF (+ SVD) model. Holds only Java arrays; {@link #close()} does nothing. */
  public static final class Fitted implements FittedEncoder {
    private final TfIdfEncoder params;
    private final Weights weights;
    private final float[] components;
    private final String corpusHash;
    private final String[] terms;

    private Fitted(TfIdfEncoder params, Weights weights, float[] components, String corpusHash) {
      this.params = params;
      this.weights = weights;
      this.components = components;
      this.corpusHash = corpusHash;
      this.terms = new String[weights.idf().length];
      weights.vocab().forEach((t, j) -> terms[j] = t);
    }

    @Override
    public String id() {
      return params.id() + "@corpus:" + corpusHash;
    }

    @Override
    public int dimension() {
      return params.dimension() > 0 ? params.dimension() : terms.length;
    }

    private static void checkTexts(List<String> texts) {
      Objects.requireNonNull(texts, "texts");
      for (int i = 0; i < texts.size(); i++) if (texts.get(i) == null) throw new IllegalArgumentException("text " + i + " is null");
    }

    Weights weights() {
      return weights;
    }

    /** The vocabulary, in column order (alphabetical). */
    public List<String> vocabulary() {
      return List.of(terms);
    }

    /** idf of each vocabulary term, in column order. */
    public double[] idf() {
      return weights.idf().clone();
    }

    /** The L2-normalised tf-idf rows, densified (n × vocabulary size) — before any SVD. */
    public Embeddings tfidf(List<String> texts) {
      checkTexts(texts);
      int v = terms.length;
      if ((long) texts.size() * v > Integer.MAX_VALUE - 8) {
        throw new UserException("tfidf: " + texts.size() + " texts × " + v + " terms is too large to densify — set dimension > 0");
      }
      float[] out = new float[texts.size() * v];
      for (int i = 0; i < texts.size(); i++) {
        Object[] row = weights.row(TextTokens.tokenize(texts.get(i)));
        int[] idx = (int[]) row[0];
        double[] w = (double[]) row[1];
        for (int k = 0; k < idx.length; k++) out[i * v + idx[k]] = (float) w[k];
      }
      return new Embeddings(texts.size(), v, out);
    }

    @Override
    public Embeddings encode(List<String> texts) {
      checkTexts(texts);
      if (components == null) return tfidf(texts);
      int d = params.dimension();
      float[] out = new float[texts.size() * d];
      double[] acc = new double[d];
      for (int i = 0; i < texts.size(); i++) {
        Object[] row = weights.row(TextTokens.tokenize(texts.get(i)));
        int[] idx = (int[]) row[0];
        double[] w = (double[]) row[1];
        Arrays.fill(acc, 0);
        for (int k = 0; k < idx.length; k++) {
          int base = idx[k] * d;
          for (int c = 0; c < d; c++) acc[c] += w[k] * components[base + c];
        }
        double norm = 0;
        for (double a : acc) norm += a * a;
        double inv = norm > 0 ? 1.0 / Math.sqrt(norm) : 0;
        for (int c = 0; c < d; c++) out[i * d + c] = (float) (acc[c] * inv);
      }
      return new Embeddings(texts.size(), d, out);
    }
  }
}
