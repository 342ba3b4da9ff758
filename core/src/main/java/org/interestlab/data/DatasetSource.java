package org.interestlab.data;

import java.nio.file.Path;

/**
 * Reads one dataset from its folder in the cache directory (its files under their original names).
 * Implementations throw {@link org.interestlab.UserException} naming the file and line for
 * malformed input, and {@link DatasetUnavailableException} when files are missing.
 */
public interface DatasetSource {
  /** The name used in configs ({@code dataset: { source: <name> }}). */
  String name();

  Dataset load(Path folder);
}
