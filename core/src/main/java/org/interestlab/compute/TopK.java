package org.interestlab.compute;

import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * The k best-scoring indices, highest score first; ties go to the lower index so rankings are
 * reproducible. Indices in {@code exclude} are skipped. Cost {@code O(n log k)}.
 */
public final class TopK {
  private TopK() {}

  public static int[] select(double[] scores, int k, BitSet exclude) {
    if (k < 0) throw new IllegalArgumentException("k must be ≥ 0, got " + k);
    // Min-heap of the current best: the root is the worst kept (lowest score, then highest index).
    PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, k), (a, b) ->
        scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : Integer.compare(b, a));
    for (int i = 0; i < scores.length; i++) {
      if (exclude != null && exclude.get(i)) continue;
      if (heap.size() < k) {
        heap.add(i);
      } else if (k > 0) {
        int worst = heap.peek();
        if (scores[i] > scores[worst]) {
          heap.poll();
          heap.add(i);
        }
      }
    }
    int[] out = new int[heap.size()];
    for (int i = out.length - 1; i >= 0; i--) out[i] = heap.poll();
    return out;
  }
}
