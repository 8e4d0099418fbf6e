package org.brookml.io;

/**
 * Snapshot bytes that cannot be restored: truncated, corrupted (checksum mismatch), of another model
 * type, from a newer format version, or describing an impossible model. Thrown before any model is
 * built, so a failed restore never yields a half-built model.
 */
public final class SnapshotFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public SnapshotFormatException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
