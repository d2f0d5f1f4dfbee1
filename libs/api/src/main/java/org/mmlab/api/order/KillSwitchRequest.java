package org.mmlab.api.order;

/**
 * {@code PUT /api/v1/admin/kill-switch} (admin API keys only). Engaging it rejects every new order
 * and quote ({@code KILL_SWITCH_ENGAGED}) and cancels every client's open orders; cancels stay
 * allowed.
 *
 * @param engaged true to engage, false to release
 */
public record KillSwitchRequest(boolean engaged) {}
