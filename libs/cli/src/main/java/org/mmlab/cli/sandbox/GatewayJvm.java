package org.mmlab.cli.sandbox;

import java.util.List;

/**
 * JVM options order-gateway-service runs with wherever mmlab starts it (sandbox, benchmarks; the
 * compose file and the Kubernetes manifests set the same through {@code JAVA_TOOL_OPTIONS}).
 */
public final class GatewayJvm {
  /**
   * Objects that survive one young collection are promoted at once. The gateway keeps every
   * client's recent closed orders and execution reports for a few seconds: each survives one
   * collection, and G1's default of copying survivors up to 15 times made the young pauses the
   * gateway's largest latency (README, Services on loopback).
   */
  public static final List<String> OPTIONS = List.of("-XX:MaxTenuringThreshold=1");

  private GatewayJvm() {}
}
