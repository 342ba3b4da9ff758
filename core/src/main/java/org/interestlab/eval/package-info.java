/** Numbers with honest definitions: ranking metrics over a full ranking, clustering metrics, per-user tables. */
package org.interestlab.eval;
