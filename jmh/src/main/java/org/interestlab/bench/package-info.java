/**
 * JMH benchmarks and the runners of the cross-library comparisons in {@code jmh/compare/}. Suites:
 * {@link org.interestlab.bench.EmbeddingThroughputBenchmark}, {@link org.interestlab.bench.ClusteringLatencyBenchmark},
 * {@link org.interestlab.bench.RankingEvalBenchmark}, {@link org.interestlab.bench.RecommenderFitBenchmark}; each
 * {@code device} parameter goes through {@link org.interestlab.bench.BenchDevice}. Run them with
 * {@code ./lab bench run} or {@code java -jar jmh/target/benchmarks.jar}.
 */
package org.interestlab.bench;
