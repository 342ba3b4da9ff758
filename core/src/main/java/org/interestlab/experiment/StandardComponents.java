package org.interestlab.experiment;

import static org.interestlab.experiment.ParamSpec.bool;
import static org.interestlab.experiment.ParamSpec.choice;
import static org.interestlab.experiment.ParamSpec.integer;
import static org.interestlab.experiment.ParamSpec.string;

import java.nio.file.Path;
import java.util.List;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.interestlab.encode.Pooling;
import org.interestlab.encode.TfIdfEncoder;

/** Registers every built-in component. */
final class StandardComponents {
  private StandardComponents() {}

  static void registerAll(Registry r) {
    Registry.Core.register(r);
    registerEncoders(r);
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
      r.register(Stage.ENCODER, new ComponentSpec<>(model, model.equals("minilm-l6")
          ? "all-MiniLM-L6-v2 sentence embeddings (English, 384-d, mean pooling)"
          : "BGE-small-zh v1.5 sentence embeddings (Chinese, 512-d, CLS pooling)",
          List.of(
              integer("batch_size", OnnxSentenceEncoder.DEFAULT_BATCH_SIZE, 1, 4096, "texts per forward pass"),
              integer("max_length", OnnxSentenceEncoder.DEFAULT_MAX_LENGTH, 8, 512, "tokens kept per text")),
          (p, seed) -> OnnxSentenceEncoder.builder().setModel(model)
              .optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).build()));
    }
    r.register(Stage.ENCODER, new ComponentSpec<>("onnx", "your own ONNX sentence model: a folder with model.onnx + tokenizer.json",
        List.of(
            string("path", null, "folder holding model.onnx and tokenizer.json"),
            choice("pooling", "mean", List.of("mean", "cls"), "how token vectors become one vector"),
            integer("batch_size", OnnxSentenceEncoder.DEFAULT_BATCH_SIZE, 1, 4096, "texts per forward pass"),
            integer("max_length", OnnxSentenceEncoder.DEFAULT_MAX_LENGTH, 8, 512, "tokens kept per text")),
        (p, seed) -> OnnxSentenceEncoder.builder().setModelDir(Path.of(p.getString("path")))
            .optPooling(Pooling.parse(p.getString("pooling"), "encoder.pooling"))
            .optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).build()));
  }
}
