package org.mmlab.sim.lobster;

import java.io.IOException;

/**
 * A malformed LOBSTER file: the message names the file, the 1-based line and, where there is one,
 * the field, e.g. {@code AMZN_..._message_5.csv line 42, field size: "-3" is not a positive
 * integer}.
 */
public final class LobsterFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Name of the offending file. */
  private final String fileName;

  /** 1-based line of the offending row. */
  private final long line;

  /** Offending field, or {@code null}. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param fileName name of the offending file (without directories)
   * @param line 1-based line number
   * @param field name of the offending field, or {@code null} when the whole line is at fault
   * @param problem what is wrong, e.g. {@code "-3" is not a positive integer}
   */
  public LobsterFormatException(String fileName, long line, String field, String problem) {
    super(
        fileName + " line " + line + (field == null ? ": " : ", field " + field + ": ") + problem);
    this.fileName = fileName;
    this.line = line;
    this.field = field;
  }

  /**
   * Returns the file name.
   *
   * @return name of the offending file
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the line.
   *
   * @return 1-based line number of the offending row
   */
  public long line() {
    return line;
  }

  /**
   * Returns the field.
   *
   * @return name of the offending field, or {@code null} when the whole line is at fault
   */
  public String field() {
    return field;
  }
}
