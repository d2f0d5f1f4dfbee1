/**
 * The client's private execution-report stream ({@code /ws/executions} on the gateway, with the
 * same API key as REST: header {@code X-API-Key} or query parameter {@code apiKey}). Reports come
 * in the order the events happened; {@code seq} counts the client's reports from 1 and grows by one
 * per report. {@code ?fromSeq=N} replays the client's recent reports from {@code N} before the live
 * ones (as far back as the gateway keeps them).
 */
package org.mmlab.api.execution;
