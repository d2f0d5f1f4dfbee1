/**
 * Order entry on the gateway ({@code /api/v1/orders}, {@code /api/v1/quotes}, {@code
 * /api/v1/positions}). Every call carries the client's API key in {@code X-API-Key}; a client sees
 * and touches only its own orders. Errors are RFC 9457 problem details with a stable {@code code}
 * ({@link org.mmlab.api.ProblemCode}).
 */
package org.mmlab.api.order;
