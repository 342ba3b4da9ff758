/** JMH benchmarks and the runners of the cross-library comparisons in {@code jmh/compare/}. */
package org.interestlab.bench;
