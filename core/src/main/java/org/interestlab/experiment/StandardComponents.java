package org.interestlab.experiment;

import static org.interestlab.experiment.ParamSpec.bool;
import static org.interestlab.experiment.ParamSpec.choice;
import static org.interestlab.experiment.ParamSpec.integer;
import static org.interestlab.experiment.ParamSpec.openInterval;
import static org.interestlab.experiment.ParamSpec.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetSources;
import org.interestlab.data.synthetic.GroundTruth;
import org.interestlab.data.synthetic.SyntheticData;
import org.interestlab.data.synthetic.SyntheticInterests;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.data.KCoreFilter;
import org.interestlab.data.LeaveLastOutSplit;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.Splitter;
import org.interestlab.data.TemporalSplit;
import org.interestlab.UserException;
import org.interestlab.encode.Encoder;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.interestlab.encode.TorchBertEncoder;
import org.interestlab.encode.Pooling;
import org.interestlab.encode.TfIdfEncoder;

/** Registers every built-in component. */
final class StandardComponents {
  private StandardComponents() {}

  static void registerAll(Registry r) {
    Registry.Core.register(r);
    registerSynthetic(r);
    registerDatasets(r);
    registerSplits(r);
    registerEncoders(r);
  }

  private static void registerDatasets(Registry r) {
    for (String name : List.of("movielens-100k", "movielens-1m", "movielens-latest-small")) {
      r.register(Stage.DATASET, new ComponentSpec<DatasetLoader>(name, "GroupLens " + name + " (downloaded once into the cache)",
          List.of(), (p, seed) -> realDataset(name, Map.of())));
    }
    r.register(Stage.DATASET, new ComponentSpec<DatasetLoader>("amazon-reviews-5core",
        "Amazon review 5-core file of one category (reviews_<category>_5.json[.gz])",
        List.of(string("category", null, "e.g. Musical_Instruments")),
        (p, seed) -> realDataset("amazon-reviews-5core", Map.of("category", p.getString("category")))));
  }

  /**
   * The bundled dataset: read from {@code datasets/<folder>/} of the repository ({@code
   * -Dinterestlab.root}, else the working directory) when the files are there, else generated in
   * memory from its seed — the same data either way (a test checks the shipped files byte for byte).
   */
  private static void registerSynthetic(Registry r) {
    r.register(Stage.DATASET, new ComponentSpec<DatasetLoader>("synthetic-interests",
        "bundled synthetic users with known interests, drift and an emerging topic",
        List.of(choice("language", "en", List.of("en", "zh"), "language of item and review texts")),
        (p, seed) -> new DatasetLoader() {
          @Override
          public boolean hasGroundTruth() {
            return true;
          }

          @Override
          public LoadedDataset load() {
            SyntheticInterests.Params params = SyntheticInterests.Params.defaults().withLanguage(p.getString("language"));
            Path folder = Path.of(System.getProperty("interestlab.root", "")).resolve("datasets").resolve(params.folderName());
            Dataset data;
            GroundTruth truth;
            if (Files.isRegularFile(folder.resolve(SyntheticInterests.FILES.get(0)))) {
              data = new SyntheticInterestsSource().load(folder);
              truth = GroundTruth.read(folder);
            } else {
              SyntheticData generated = SyntheticInterests.generate(params);
              data = generated.dataset();
              truth = generated.truth();
            }
            return new LoadedDataset(data, truth.primaryInterest(data), truth);
          }
        }));
  }

  private static DatasetLoader realDataset(String name, Map<String, String> params) {
    return new DatasetLoader() {
      @Override
      public boolean hasGroundTruth() {
        return false;
      }

      @Override
      public LoadedDataset load() {
        return new LoadedDataset(DatasetSources.load(name, params), null);
      }
    };
  }

  private static void registerSplits(Registry r) {
    ParamSpec kCore = integer("k_core", 0, 0, 1_000_000,
        "before splitting, keep only users and items with at least this many interactions (0 = off)");
    r.register(Stage.SPLIT, new ComponentSpec<Splitter>("temporal", "global time cut: the latest test_fraction of interactions are test",
        List.of(openInterval("test_fraction", 0.2, 0, 1, "share of interactions after the cut"), kCore),
        (p, seed) -> withKCore(p, new TemporalSplit(p.getDouble("test_fraction")))));
    r.register(Stage.SPLIT, new ComponentSpec<Splitter>("leave-last-out", "each user's latest interaction is test",
        List.of(kCore), (p, seed) -> withKCore(p, new LeaveLastOutSplit())));
    r.register(Stage.SPLIT, new ComponentSpec<Splitter>("ratio", "per-user random split (e.g. 75/25)",
        List.of(openInterval("train_ratio", 0.75, 0, 1, "share of each user's interactions kept for training"), kCore),
        (p, seed) -> withKCore(p, new RatioSplit(p.getDouble("train_ratio"), seed))));
  }

  private static Splitter withKCore(Params p, Splitter split) {
    int k = p.getInt("k_core");
    if (k == 0) return split;
    KCoreFilter filter = new KCoreFilter(k);
    return d -> split.split(filter.apply(d));
  }

  private static void registerEncoders(Registry r) {
    r.register(Stage.ENCODER, new ComponentSpec<>("tfidf", "TF-IDF reduced by truncated SVD: the bag-of-words baseline",
        List.of(
            integer("dimension", TfIdfEncoder.DEFAULT_DIMENSION, 0, 100_000, "output dimension after SVD (0 = raw tf-idf)"),
            integer("max_features", TfIdfEncoder.DEFAULT_MAX_FEATURES, 1, 10_000_000, "vocabulary size limit"),
            integer("min_df", TfIdfEncoder.DEFAULT_MIN_DF, 1, 1_000_000, "minimum document frequency of a term"),
            bool("sublinear_tf", true, "use 1 + ln(tf)"),
            integer("power_iterations", TfIdfEncoder.DEFAULT_POWER_ITERATIONS, 0, 50, "randomized-SVD power iterations")),
        (p, seed) -> new TfIdfEncoder(p.getInt("max_features"), p.getInt("min_df"), p.getBool("sublinear_tf"),
            p.getInt("dimension"), p.getInt("power_iterations"), seed)));
    for (String model : List.of("minilm-l6", "bge-small-zh")) {
      r.register(Stage.ENCODER, new ComponentSpec<Encoder>(model, model.equals("minilm-l6")
          ? "all-MiniLM-L6-v2 sentence embeddings (English, 384-d, mean pooling)"
          : "BGE-small-zh v1.5 sentence embeddings (Chinese, 512-d, CLS pooling)",
          sentenceParams(List.of()),
          (p, seed) -> sentenceEncoder(p, model, null, null)));
    }
    r.register(Stage.ENCODER, new ComponentSpec<Encoder>("onnx", "your own sentence model: a folder with model.onnx + tokenizer.json",
        sentenceParams(List.of(
            string("path", null, "folder holding model.onnx and tokenizer.json"),
            choice("pooling", "mean", List.of("mean", "cls"), "how token vectors become one vector"))),
        (p, seed) -> sentenceEncoder(p, null, Path.of(p.getString("path")), Pooling.parse(p.getString("pooling"), "encoder.pooling"))));
  }

  private static List<ParamSpec> sentenceParams(List<ParamSpec> first) {
    List<ParamSpec> all = new java.util.ArrayList<>(first);
    all.add(integer("batch_size", OnnxSentenceEncoder.DEFAULT_BATCH_SIZE, 1, 4096, "texts per forward pass"));
    all.add(integer("max_length", OnnxSentenceEncoder.DEFAULT_MAX_LENGTH, 8, 512, "tokens kept per text"));
    all.add(choice("engine", "onnx", List.of("onnx", "pytorch"),
        "onnx: ONNX Runtime (CPU); pytorch: the same weights run by DJL's PyTorch engine (CPU or GPU)"));
    all.add(choice("device", "auto", List.of("auto", "cpu", "gpu"), "for engine: pytorch; auto = GPU when present"));
    all.add(bool("cache", true, "reuse vectors of texts seen before from the on-disk embedding cache"));
    return all;
  }

  /** A built-in ({@code model}) or user ({@code dir}) sentence model on the configured engine. */
  private static Encoder sentenceEncoder(Params p, String model, Path dir, Pooling pooling) {
    String device = p.getString("device");
    if (p.getString("engine").equals("onnx")) {
      if (device.equals("gpu")) {
        throw new UserException("encoder.device: 'gpu' needs engine: pytorch — ONNX Runtime runs on the CPU in this build");
      }
      OnnxSentenceEncoder.Builder b = OnnxSentenceEncoder.builder();
      if (model != null) b.setModel(model);
      else b.setModelDir(dir).optPooling(pooling);
      return b.optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).build();
    }
    TorchBertEncoder.Builder b = TorchBertEncoder.builder();
    if (model != null) b.setModel(model);
    else b.setModelDir(dir).optPooling(pooling);
    return b.optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).optDevice(device).build();
  }
}
