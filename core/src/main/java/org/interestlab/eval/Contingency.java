package org.interestlab.eval;

import java.util.Arrays;

/**
 * The sparse contingency table of two labellings: the non-zero cells n_ij (points with true class
 * i and predicted cluster j), row sums a_i and column sums b_j. Built by sorting cell keys, so it
 * costs O(n log n) and O(n) memory however many classes and clusters there are.
 */
final class Contingency {
  final long n;
  final long[] rowSums;
  final long[] colSums;
  final int[] cellRow;
  final int[] cellCol;
  final long[] cellCount;

  private Contingency(long n, long[] rowSums, long[] colSums, int[] cellRow, int[] cellCol, long[] cellCount) {
    this.n = n;
    this.rowSums = rowSums;
    this.colSums = colSums;
    this.cellRow = cellRow;
    this.cellCol = cellCol;
    this.cellCount = cellCount;
  }

  static Contingency of(int[] truth, int[] predicted) {
    PointChecks.Encoded t = PointChecks.encode(truth);
    PointChecks.Encoded p = PointChecks.encode(predicted);
    int n = truth.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) keys[i] = (long) t.codes()[i] * p.numLabels() + p.codes()[i];
    Arrays.sort(keys);
    int cells = 0;
    for (int i = 0; i < n; i++) if (i == 0 || keys[i] != keys[i - 1]) cells++;
    int[] row = new int[cells];
    int[] col = new int[cells];
    long[] count = new long[cells];
    int c = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        c++;
        row[c] = (int) (keys[i] / p.numLabels());
        col[c] = (int) (keys[i] % p.numLabels());
      }
      count[c]++;
    }
    long[] a = new long[t.numLabels()];
    long[] b = new long[p.numLabels()];
    for (int i = 0; i < t.numLabels(); i++) a[i] = t.sizes()[i];
    for (int j = 0; j < p.numLabels(); j++) b[j] = p.sizes()[j];
    return new Contingency(n, a, b, row, col, count);
  }

  int numClasses() {
    return rowSums.length;
  }

  int numClusters() {
    return colSums.length;
  }
}
