package org.mmlab.service.gateway.orders;

import org.mmlab.api.execution.ExecutionReport;

/** One open execution-stream socket of a client; never blocks. */
public interface ReportSink {
  /**
   * Offers the next report.
   *
   * @param report the report
   * @return false when the socket's buffer is full (it is then dropped and closed)
   */
  boolean offer(ExecutionReport report);

  /** The gateway dropped this socket for being too slow. */
  void closeSlow();

  /** The gateway is shutting down: end the stream after what is buffered. */
  void close();
}
