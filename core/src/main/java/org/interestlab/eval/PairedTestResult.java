package org.interestlab.eval;

/**
 * The outcome of a two-sided paired test.
 *
 * @param statistic the test statistic (t for the t-test, min(W+, W−) for Wilcoxon)
 * @param pValue two-sided p-value, NaN when the test is undefined (see each test)
 * @param n the number of pairs the statistic was computed from (Wilcoxon: non-zero differences)
 * @param method how the p-value was obtained ({@code "t"}, {@code "exact"}, {@code "normal"}, or
 *     {@code "none"} when every difference is zero)
 */
public record PairedTestResult(double statistic, double pValue, int n, String method) {}
