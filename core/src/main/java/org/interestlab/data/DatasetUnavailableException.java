package org.interestlab.data;

import org.interestlab.UserException;

/** A dataset's files are not where they should be and cannot be fetched (offline). */
public class DatasetUnavailableException extends UserException {
  private static final long serialVersionUID = 1L;

  public DatasetUnavailableException(String message) {
    super(message);
  }
}
