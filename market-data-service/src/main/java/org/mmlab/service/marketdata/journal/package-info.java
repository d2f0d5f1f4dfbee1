/**
 * An append-only journal file of checksummed records: the writer (group commit: records go to the
 * OS as they come, {@code fsync} when asked) and the reader (stops at the first torn or corrupt
 * record, which a crash mid-write leaves at the end).
 */
package org.mmlab.service.marketdata.journal;
