package org.interestlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetSources;
import org.interestlab.data.RatioSplit;
import org.interestlab.experiment.Seeds;
import org.interestlab.recommend.BprRecommender;
import org.interestlab.recommend.TrainingData;

/**
 * Seconds per BPR epoch on the training part of a ratio split, two ways: {@link BprRecommender}'s
 * plain-Java sequential SGD (one step per triple), and the same loss on DJL's PyTorch engine as
 * mini-batch SGD (triples sampled in Java, gathered, loss and autograd gradient on the engine, one
 * dense update per batch) — the usual way to put BPR on a tensor engine. An epoch is one step per
 * training pair in both. Java's per-epoch time is the difference of fits with 1 and 1 + E epochs,
 * divided by E, after three warm-up fits, so setup and compilation are not counted; DJL's is timed over E epochs after one warm-up epoch. Each
 * is the fastest of {@code rounds}.
 *
 * <pre>
 *   java ... BprEngineCompareMain movielens-latest-small 42 0.75 64 10 3 1024
 *   (source, run seed, train ratio, factors, epochs timed, rounds, DJL batch sizes...)
 * </pre>
 */
public final class BprEngineCompareMain {
  private BprEngineCompareMain() {}

  public static void main(String[] args) throws Exception {
    Dataset all = DatasetSources.load(args[0], Map.of());
    Dataset train = new RatioSplit(Double.parseDouble(args[2]), Seeds.derive(Long.parseLong(args[1]), "split")).split(all).train();
    TrainingData data = TrainingData.of(train);
    int factors = Integer.parseInt(args[3]);
    int epochs = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    double javaBest = Double.MAX_VALUE;
    // Warm-up fits, so the timed ones run compiled code.
    for (int r = 0; r < 3; r++) new BprRecommender(factors, 0.05, 0.01, 3, true, 1L).fit(data);
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      new BprRecommender(factors, 0.05, 0.01, 1, true, 1L).fit(data);
      long t1 = System.nanoTime();
      new BprRecommender(factors, 0.05, 0.01, 1 + epochs, true, 1L).fit(data);
      long t2 = System.nanoTime();
      javaBest = Math.min(javaBest, ((t2 - t1) - (t1 - t0)) / 1e9 / epochs);
    }
    System.out.printf(Locale.ROOT, "java sequential SGD      %8.4f s/epoch%n", javaBest);
    for (int a = 6; a < args.length; a++) {
      int batch = Integer.parseInt(args[a]);
      double best = Double.MAX_VALUE;
      for (int r = 0; r < rounds; r++) best = Math.min(best, djlSecondsPerEpoch(data, factors, epochs, batch));
      System.out.printf(Locale.ROOT, "djl pytorch batch %5d  %8.4f s/epoch (%.1f× Java)%n", batch, best, best / javaBest);
    }
  }

  private static double djlSecondsPerEpoch(TrainingData data, int factors, int epochs, int batch) {
    int users = data.train().numUsers();
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    int pairs = 0;
    for (BitSet s : seen) pairs += s.cardinality();
    int[] pairUser = new int[pairs];
    int[] pairItem = new int[pairs];
    int n = 0;
    for (int u = 0; u < users; u++) for (int i = seen[u].nextSetBit(0); i >= 0; i = seen[u].nextSetBit(i + 1)) {
      pairUser[n] = u;
      pairItem[n++] = i;
    }
    SplittableRandom rng = new SplittableRandom(1);
    float lr = 0.05f * batch;  // the mean loss of a batch: scale the step to match per-triple SGD
    float lambda = 0.01f;
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDArray w = m.randomNormal(0, 0.1f, new Shape(users, factors), DataType.FLOAT32);
      NDArray h = m.randomNormal(0, 0.1f, new Shape(items, factors), DataType.FLOAT32);
      w.setRequiresGradient(true);
      h.setRequiresGradient(true);
      long start = 0;
      for (int e = 0; e <= epochs; e++) {
        if (e == 1) start = System.nanoTime();
        for (int done = 0; done < pairs; done += batch) {
          int b = Math.min(batch, pairs - done);
          long[] us = new long[b];
          long[] is = new long[b];
          long[] js = new long[b];
          for (int t = 0; t < b; t++) {
            int p = rng.nextInt(pairs);
            us[t] = pairUser[p];
            is[t] = pairItem[p];
            int j;
            do {
              j = rng.nextInt(items);
            } while (seen[pairUser[p]].get(j));
            js[t] = j;
          }
          try (NDManager sub = m.newSubManager()) {
            NDArray iu = sub.create(us);
            NDArray ii = sub.create(is);
            NDArray ij = sub.create(js);
            try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
              NDArray wu = w.get(new NDIndex("{}", iu));
              NDArray hi = h.get(new NDIndex("{}", ii));
              NDArray hj = h.get(new NDIndex("{}", ij));
              NDArray x = wu.mul(hi.sub(hj)).sum(new int[] {1});
              NDArray reg = wu.square().sum().add(hi.square().sum()).add(hj.square().sum()).mul(lambda / 2);
              NDArray loss = x.neg().exp().add(1).log().sum().add(reg).div(b);
              gc.backward(loss);
            }
            w.subi(w.getGradient().mul(lr));
            h.subi(h.getGradient().mul(lr));
            w.getGradient().muli(0);
            h.getGradient().muli(0);
          }
        }
      }
      return (System.nanoTime() - start) / 1e9 / epochs;
    }
  }
}
