/**
 * What stands for a user: concatenated recent texts, the mean of the vectors of what they consumed,
 * or the vectors of their own reviews (mean, recency-weighted, several interests); and what an item's
 * content vector is built from ({@link org.interestlab.profile.ItemDocuments}: its own text and its
 * training reviews).
 */
package org.interestlab.profile;
