package org.mmlab.api.order;

/**
 * The kill switch's state.
 *
 * @param engaged whether new orders are refused
 */
public record KillSwitchView(boolean engaged) {}
