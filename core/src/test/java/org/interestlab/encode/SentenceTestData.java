package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Labelled test sentences (written for these tests) and helpers shared by the encoder tests. */
final class SentenceTestData {
  record Labelled(List<String> texts, List<String> labels) {}

  private SentenceTestData() {}

  static Labelled labelled(String lang) {
    try {
      List<String> texts = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (String line : TfIdfEncoderTest.resourceLines("topics_" + lang + ".tsv")) {
        String[] p = line.split("\t", 2);
        labels.add(p[0]);
        texts.add(p[1]);
      }
      return new Labelled(texts, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code count} sentences of varied length: the labelled sentences, then pairs and triples of them
   * joined (so batches mix short and long inputs and padding matters).
   */
  static List<String> varied(String lang, int count) {
    List<String> base = labelled(lang).texts();
    List<String> out = new ArrayList<>(base);
    String sep = lang.equals("zh") ? "" : " ";
    int n = base.size();
    for (int i = 0; out.size() < count; i++) {
      String s = base.get(i % n) + sep + base.get((i * 7 + 3) % n);
      if (i % 3 == 0) s = s + sep + base.get((i * 13 + 5) % n);
      out.add(s);
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (double) a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += (double) b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  /** Leave-one-out 1-nearest-neighbour accuracy under cosine similarity. */
  static double nearestNeighbourAccuracy(Embeddings e, List<String> labels) {
    int correct = 0;
    for (int i = 0; i < e.rows(); i++) {
      int best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < e.rows(); j++) {
        if (j == i) continue;
        double s = cosine(e.row(i), e.row(j));
        if (Double.isNaN(s)) s = -2; // a zero vector (no known term) is nobody's neighbour
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      if (labels.get(best).equals(labels.get(i))) correct++;
    }
    return (double) correct / e.rows();
  }
}
