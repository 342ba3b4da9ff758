/**
 * InterestLab: LLM-based user-interest clustering and recommendation.
 *
 * <p>One package per pipeline stage: {@code data → profile → encode → cluster → recommend → eval},
 * driven by {@code experiment}; {@code compute} holds the DJL plumbing and {@code plot} the figures.
 */
package org.interestlab;
