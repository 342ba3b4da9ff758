/** Plumbing every stage shares: offline DJL engine start-up, device selection, batched distances and top-k, cache folders, progress bars, atomic file writes. */
package org.interestlab.compute;
