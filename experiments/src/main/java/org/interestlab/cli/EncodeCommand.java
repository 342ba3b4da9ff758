package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.data.TextInputs;
import org.interestlab.encode.CachedEncoder;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.EmbeddingsCsv;
import org.interestlab.encode.Encoder;
import org.interestlab.encode.FiniteOutputEncoder;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.encode.Npy;
import org.interestlab.experiment.ComponentConfig;
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab encode}: texts from a file → one vector per text in {@code .npy} (or CSV), with any
 * encoder a config can name. The options are validated as the {@code encoder:} section of a config
 * is, so the same values are allowed and the same messages explain a bad one.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
    description = "Embed the texts of a file (one per line, or a CSV column) and write the vectors as .npy or .csv.")
final class EncodeCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "minilm-l6, bge-small-zh, tfidf (fitted on the input texts), or a folder with model.onnx + tokenizer.json")
  String model;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "a text file (one text per line) or a CSV file with a header row (.csv, .csv.gz)")
  Path input;

  @Option(names = "--column", paramLabel = "NAME", defaultValue = "text", description = "CSV column holding the texts (default: ${DEFAULT-VALUE})")
  String column;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "vectors.npy (float32, rows in input order) or vectors.csv")
  Path out;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "where the model runs; cpu or gpu imply --engine pytorch unless --engine is given")
  String device;

  @Option(names = "--engine", paramLabel = "onnx|pytorch", description = "ONNX Runtime (default) or the same weights on DJL's PyTorch engine")
  String engine;

  @Option(names = "--batch-size", paramLabel = "N", description = "texts per forward pass (default 32)")
  Integer batchSize;

  @Option(names = "--max-length", paramLabel = "N", description = "tokens kept per text (default 256)")
  Integer maxLength;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "any other encoder parameter, e.g. --param dimension=64 for tfidf, --param pooling=cls for a folder")
  List<String> params = new ArrayList<>();

  @Option(names = "--no-cache", description = "do not read or fill the embedding cache")
  boolean noCache;

  @Option(names = "--seed", defaultValue = "42", description = "seed of fitted encoders (tfidf's randomized SVD), default ${DEFAULT-VALUE}")
  long seed;

  @Override
  public Integer call() throws IOException {
    Registry registry = Registry.standard();
    ComponentConfig config = new ConfigLoader(registry).component("lab encode", Stage.ENCODER, "encoder", section(registry), seed);
    Encoder encoder = config.create(registry, Encoder.class);
    String outName = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!outName.endsWith(".npy") && !outName.endsWith(".csv")) {
      throw new UserException("--out " + out + ": unknown format — allowed: a .npy or .csv file name");
    }
    Path inputFile = Paths.userPath(input.toString());
    if (Files.isDirectory(inputFile)) {
      throw new UserException("--input " + input + ": is a folder — give a text file (one text per line) or a CSV file");
    }
    List<String> texts = TextInputs.read(inputFile, column);
    if (texts.isEmpty()) throw new UserException(input + ": no texts to encode (the file is empty)");

    long start = System.nanoTime();
    boolean cacheable = !noCache && config.params().has("cache") && config.params().getBool("cache");
    EmbeddingCache cache = cacheable ? EmbeddingCache.openDefault() : null;
    Embeddings vectors;
    try (FittedEncoder fitted = fit(encoder, texts, cache)) {
      // Non-finite output is a bug of the encoder: it throws rather than reaching the file.
      vectors = fitted.encode(texts);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      if (outName.endsWith(".npy")) Npy.write(out, vectors);
      else EmbeddingsCsv.write(out, IntStream.range(0, texts.size()).mapToObj(Integer::toString).toList(), vectors);
    } catch (IOException e) {
      throw new UserException("--out " + out + ": cannot write — " + AtomicFiles.reason(e), e);
    }
    System.out.printf(Locale.ROOT, "%,d texts → %d-d vectors in %.1f s (%s)%s%n", texts.size(), vectors.dim(), seconds, encoder.id(),
        cache == null ? "" : String.format(Locale.ROOT, "; embedding cache: %,d hits, %,d misses", cache.hits(), cache.misses()));
    System.out.println("wrote " + out.toAbsolutePath());
    return 0;
  }

  private static FittedEncoder fit(Encoder encoder, List<String> texts, EmbeddingCache cache) {
    FittedEncoder fitted = FiniteOutputEncoder.of(encoder.fit(texts));
    return cache == null ? fitted : new CachedEncoder(fitted, cache);
  }

  /** The options as an {@code encoder:} config section. */
  private Map<String, Object> section(Registry registry) {
    Map<String, Object> s = new LinkedHashMap<>();
    boolean builtIn = !model.equals("onnx") && registry.spec(Stage.ENCODER, model) != null;
    if (builtIn) {
      s.put("kind", model);
    } else {
      Path dir = Paths.userPath(model);
      if (!Files.isDirectory(dir)) {
        List<String> kinds = registry.kinds(Stage.ENCODER).stream().filter(k -> !k.equals("onnx")).toList();
        throw new UserException("--model '" + model + "': not a built-in model nor a folder — allowed: " + String.join(", ", kinds)
            + ", or a folder holding model.onnx and tokenizer.json");
      }
      s.put("kind", "onnx");
      s.put("path", dir.toString());
    }
    s.putAll(ComponentParams.parse(params, "dimension=64"));
    if (batchSize != null) s.put("batch_size", batchSize);
    if (maxLength != null) s.put("max_length", maxLength);
    if (device != null) s.put("device", device);
    if (engine != null) s.put("engine", engine);
    else if (device != null && !device.equals("auto")) s.put("engine", "pytorch");
    return s;
  }
}
