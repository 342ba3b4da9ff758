package org.interestlab.eval;

import java.util.Arrays;
import org.interestlab.compute.Embeddings;

/** Input validation and label encoding shared by the clustering metrics. */
final class PointChecks {
  private PointChecks() {}

  /** Labels re-coded to 0..numLabels−1 in increasing order of the original values (as numpy's unique). */
  record Encoded(int[] codes, int numLabels, int[] sizes) {}

  static Encoded encode(int[] labels) {
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
    int[] values = Arrays.copyOf(sorted, distinct);
    int[] codes = new int[labels.length];
    int[] sizes = new int[distinct];
    for (int i = 0; i < labels.length; i++) {
      codes[i] = Arrays.binarySearch(values, labels[i]);
      sizes[codes[i]]++;
    }
    return new Encoded(codes, distinct, sizes);
  }

  /** Checks shape and finiteness; returns the dimension. */
  static int checkPoints(String metric, double[][] points, int[] labels) {
    if (points == null || labels == null) throw new IllegalArgumentException(metric + ": points and labels must not be null");
    if (points.length != labels.length) {
      throw new IllegalArgumentException(metric + ": " + points.length + " points but " + labels.length + " labels");
    }
    if (points.length == 0) throw new IllegalArgumentException(metric + ": no points");
    int d = points[0].length;
    if (d == 0) throw new IllegalArgumentException(metric + ": points have no features");
    for (int i = 0; i < points.length; i++) {
      double[] row = points[i];
      if (row.length != d) throw new IllegalArgumentException(metric + ": point " + i + " has " + row.length + " values, point 0 has " + d);
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(metric + ": point " + i + " has a non-finite value (" + row[j] + ") in column " + j);
        }
      }
    }
    return d;
  }

  /** {@link #checkPoints(String, double[][], int[])} for embeddings, read in place; returns the dimension. */
  static int checkPoints(String metric, Embeddings points, int[] labels) {
    if (points == null || labels == null) throw new IllegalArgumentException(metric + ": points and labels must not be null");
    if (points.rows() != labels.length) {
      throw new IllegalArgumentException(metric + ": " + points.rows() + " points but " + labels.length + " labels");
    }
    if (points.rows() == 0) throw new IllegalArgumentException(metric + ": no points");
    int d = points.dim();
    if (d == 0) throw new IllegalArgumentException(metric + ": points have no features");
    // The parallel check first: the row is only searched for (sequentially) when there is one.
    int bad = points.hasNonFinite() ? points.firstNonFiniteRow() : -1;
    if (bad >= 0) {
      for (int j = 0; j < d; j++) {
        float v = points.data()[bad * d + j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(metric + ": point " + bad + " has a non-finite value (" + (double) v + ") in column " + j);
        }
      }
    }
    return d;
  }

  static double[][] toDoubleRows(String metric, Embeddings points) {
    if (points == null) throw new IllegalArgumentException(metric + ": points must not be null");
    return points.toDoubleRows();
  }

  /** scikit-learn's check_number_of_labels, with the metric named. */
  static void checkNumberOfClusters(String metric, int numLabels, int numPoints) {
    if (numLabels < 2 || numLabels > numPoints - 1) {
      throw new IllegalArgumentException(metric + ": number of clusters is " + numLabels
          + "; valid values are 2 to n_samples - 1 = " + (numPoints - 1) + " (inclusive)");
    }
  }

  static void checkLabels(String metric, int[] truth, int[] predicted) {
    if (truth == null || predicted == null) throw new IllegalArgumentException(metric + ": labels must not be null");
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(metric + ": " + truth.length + " true labels but " + predicted.length + " predicted labels");
    }
    if (truth.length == 0) throw new IllegalArgumentException(metric + ": no labels");
  }
}
