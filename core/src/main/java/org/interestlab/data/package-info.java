/**
 * Datasets, their loaders and catalogue, splits, and the synthetic generator with ground truth.
 *
 * <p>{@link org.interestlab.data.Dataset} is immutable with dense int indices; loaders implement
 * {@link org.interestlab.data.DatasetSource}.
 */
package org.interestlab.data;
