/** Vectors → groups: k-means and the other clusterers, interest hierarchies, cluster tracking. */
package org.interestlab.cluster;
