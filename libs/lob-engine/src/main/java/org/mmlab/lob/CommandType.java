package org.mmlab.lob;

/** The command a rejection refers to. */
public enum CommandType {
  /** {@link LimitOrderBook#submit}. */
  SUBMIT,
  /** {@link LimitOrderBook#cancel}. */
  CANCEL,
  /** {@link LimitOrderBook#replace}. */
  REPLACE
}
