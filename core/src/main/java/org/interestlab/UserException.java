package org.interestlab;

/**
 * An error the user can cause and fix: a bad config value, a missing dataset file, a GPU asked for
 * where none exists. The CLI prints {@link #getMessage()} as one line and exits with code 2; no
 * stack trace unless {@code --debug}. Anything else that is thrown is a bug.
 *
 * <p>Messages name the file, the key or path, the bad value and what is allowed, so the user can
 * act on them without reading code.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
