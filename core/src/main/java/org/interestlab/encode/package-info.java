/**
 * Text → vectors: the TF-IDF baseline and the language-model encoders, plus the embedding cache.
 *
 * <ul>
 *   <li>{@link org.interestlab.encode.TfIdfEncoder} — TF-IDF (scikit-learn's smooth idf) + seeded randomized SVD (LSA);
 *   <li>{@link org.interestlab.encode.OnnxSentenceEncoder} — pretrained sentence models on DJL's ONNX Runtime engine:
 *       built-in {@code minilm-l6} (English, 384-d) and {@code bge-small-zh} (Chinese, 512-d), or a model directory;
 *   <li>{@link org.interestlab.encode.TorchBertEncoder} — the same models as a BERT forward pass of DJL PyTorch NDArray
 *       operations (CPU or GPU), weights read from the same ONNX file by {@code OnnxWeights};
 *   <li>{@link org.interestlab.encode.SentenceModel} — where model files come from (extracted from Maven jars once,
 *       verified by sha256);
 *   <li>{@link org.interestlab.encode.EmbeddingCache}, {@link org.interestlab.encode.Npy},
 *       {@link org.interestlab.encode.EmbeddingsCsv} — vectors on disk.
 * </ul>
 * Every encoder follows the estimator contract: an immutable parameter record, {@code fit} returns a
 * {@link org.interestlab.encode.FittedEncoder} (close it: it may hold native memory).
 */
package org.interestlab.encode;
