package org.interestlab.experiment;

/**
 * One recommender compared with the baseline on one per-user metric over the same users: a row of
 * {@code significance.csv} and of {@code lab compare}.
 *
 * @param metric per-user metric name, e.g. {@code ndcg@10}
 * @param recommender the compared recommender
 * @param baseline the baseline recommender
 * @param mean the recommender's mean over the users
 * @param baselineMean the baseline's mean over the same users
 * @param diff {@code mean − baselineMean}
 * @param relDiff {@code diff / baselineMean}; NaN when the baseline's mean is 0
 * @param tP two-sided paired t-test p-value
 * @param wilcoxonP two-sided Wilcoxon signed-rank p-value
 * @param tPHolm {@code tP} after Holm's correction across the comparisons of this metric
 * @param wilcoxonPHolm {@code wilcoxonP} after Holm's correction across the comparisons of this metric
 * @param users number of users (pairs)
 */
public record PairedComparison(String metric, String recommender, String baseline, double mean, double baselineMean, double diff,
    double relDiff, double tP, double wilcoxonP, double tPHolm, double wilcoxonPHolm, int users) {}
