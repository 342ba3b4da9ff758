/** History → ranked items: popularity, cluster-based and neighbourhood recommenders. Seen items are never recommended. */
package org.interestlab.recommend;
