package org.interestlab.encode;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.compute.Embeddings;

/**
 * Peak resident memory of one {@link TorchBertEncoder} batch of 64 texts × 256 tokens (MiniLM, CPU):
 * the process's high-water mark ({@code VmHWM} in {@code /proc/self/status}) after loading the
 * weights and after the batch. Run in a fresh JVM per measurement (the mark never goes down):
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$(cat cp.txt) org.interestlab.encode.TorchBertPeakMemory [vectors.bin]
 * </pre>
 * With an argument, the vectors are written there (big-endian floats) to compare runs bit for bit.
 */
public final class TorchBertPeakMemory {
  private TorchBertPeakMemory() {}

  public static void main(String[] args) throws IOException {
    List<String> sentences = SentenceTestData.labelled("en").texts();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      StringBuilder s = new StringBuilder("text " + i + ": ");
      // Far more than 256 tokens: every text is truncated to exactly max_length.
      for (int j = 0; s.length() < 4000; j++) s.append(sentences.get((i * 13 + j * 7) % sentences.size())).append(' ');
      texts.add(s.toString());
    }
    TorchBertEncoder encoder = TorchBertEncoder.builder().setModel("minilm-l6").optDevice("cpu").optBatchSize(64).optMaxLength(256).build();
    try (TorchBertEncoder.Fitted fitted = encoder.fit(List.of())) {
      fitted.encode(List.of("warm up the engine"));
      long loaded = highWaterKb();
      Embeddings e = fitted.encode(texts);
      long peak = highWaterKb();
      System.out.printf("VmHWM after loading: %d MB; after a 64 × 256 batch: %d MB (batch adds %d MB)%n", loaded / 1024, peak / 1024,
          (peak - loaded) / 1024);
      if (args.length > 0) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
          for (float v : e.data()) out.writeFloat(v);
        }
      }
    }
  }

  private static long highWaterKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    throw new IllegalStateException("no VmHWM in /proc/self/status");
  }
}
