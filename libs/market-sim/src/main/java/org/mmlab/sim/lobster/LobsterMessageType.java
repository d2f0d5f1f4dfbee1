package org.mmlab.sim.lobster;

/** LOBSTER event types (column 2 of the message file). */
public final class LobsterMessageType {
  /** Submission of a new limit order. */
  public static final int NEW = 1;

  /** Cancellation: partial deletion of a limit order (size = shares cancelled). */
  public static final int CANCEL = 2;

  /** Deletion: total deletion of a limit order (size = shares deleted). */
  public static final int DELETE = 3;

  /** Execution of a visible limit order (size = shares executed). */
  public static final int EXECUTE = 4;

  /** Execution of a hidden limit order: a trade that leaves the visible book alone. */
  public static final int EXECUTE_HIDDEN = 5;

  /** Cross trade, e.g. an auction: no effect on the book. */
  public static final int CROSS = 6;

  /** Trading halt indicator; price -1 halt, 0 quoting resumes, 1 trading resumes. */
  public static final int HALT = 7;

  private LobsterMessageType() {}

  /**
   * Short name of a type, for display.
   *
   * @param type 1..7
   * @return {@code new}, {@code cancel}, {@code delete}, {@code execute}, {@code hidden}, {@code
   *     cross}, {@code halt}, or {@code ?}
   */
  public static String name(int type) {
    switch (type) {
      case NEW:
        return "new";
      case CANCEL:
        return "cancel";
      case DELETE:
        return "delete";
      case EXECUTE:
        return "execute";
      case EXECUTE_HIDDEN:
        return "hidden";
      case CROSS:
        return "cross";
      case HALT:
        return "halt";
      default:
        return "?";
    }
  }
}
