package org.brookml.io;

/**
 * A malformed row in a data file, located by source, line (1-based) and column (1-based field or
 * token number, 0 when the whole line is at fault).
 */
public final class DataFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final int column;
  private final String problem;

  /** An exception at the given place; the message is prefixed with {@code source:line:column}. */
  public DataFormatException(String source, long line, int column, String problem) {
    this(source, line, column, problem, null);
  }

  /** The same, with the failure that caused it (an I/O error while reading, say). */
  public DataFormatException(String source, long line, int column, String problem,
      Throwable cause) {
    super(source + ":" + line + ":" + column + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }

  /** The file name or other description of the source. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The 1-based column (field or token) number, or 0 for the whole line. */
  public int column() {
    return column;
  }
}
