/**
 * Plumbing every stage shares: offline DJL engine start-up, device selection, batched distances and
 * top-k, cache folders, progress bars, atomic file writes, and every CSV file read ({@link
 * org.interestlab.compute.CsvTable}) or written ({@link org.interestlab.compute.CsvText}).
 */
package org.interestlab.compute;
