package org.interestlab.data;

/**
 * Divides a dataset into a {@link Split}. Implementations are immutable records whose components
 * are the parameters (including any seed), so the same splitter on the same dataset always gives
 * the same split, and splitting never changes the input.
 *
 * <p>Implementations: {@link TemporalSplit} (global time cut), {@link LeaveLastOutSplit} (each
 * user's last interaction), {@link RatioSplit} (per-user random fraction). Each keeps only test
 * events whose user and item occur in the training interactions, and assigns tags so that none
 * reveals a test interaction to training.
 *
 * <pre>{@code
 * Splitter splitter = new RatioSplit(0.75, 42);
 * Split split = splitter.split(new KCoreFilter(5).apply(dataset));
 * }</pre>
 */
@FunctionalInterface
public interface Splitter {
  Split split(Dataset dataset);
}
