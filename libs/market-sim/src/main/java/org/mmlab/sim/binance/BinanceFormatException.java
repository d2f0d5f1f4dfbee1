package org.mmlab.sim.binance;

import java.io.IOException;

/**
 * A Binance capture that cannot be replayed: a malformed line, a value that does not fit the
 * instrument, or a depth update that does not continue the update-id chain. The message names the
 * file and the 1-based line, e.g. {@code btcusdt_20240808.gz line 1234: depth update chain broken:
 * U=50093239300 expected 50093239238 (u=50093239237 at btcusdt_20240808.gz line 1230)}.
 */
public final class BinanceFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Name of the offending file. */
  private final String fileName;

  /** 1-based line of the offending message, 0 for the whole file. */
  private final long line;

  /**
   * Creates the exception.
   *
   * @param fileName name of the offending file (without directories)
   * @param line 1-based line number, or 0 when the problem concerns the whole file
   * @param problem what is wrong
   */
  public BinanceFormatException(String fileName, long line, String problem) {
    super(fileName + (line > 0 ? " line " + line : "") + ": " + problem);
    this.fileName = fileName;
    this.line = line;
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
   * @return 1-based line number, 0 for a problem of the whole file
   */
  public long line() {
    return line;
  }
}
