package org.mmlab.systemtests;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The locally built service images ({@code docker/build-images.sh}) as containers. */
final class ServiceImages {
  /** The exchange's shared secret with the gateway in these tests (not the sandbox default). */
  static final String INTERNAL_TOKEN = "system-test-internal-token";

  static final String DEMO_KEY = "system-test-demo-key";
  static final String OTHER_KEY = "system-test-other-key";

  private ServiceImages() {}

  /**
   * The image of a service, tagged {@code mmlab.images.tag} (default latest).
   *
   * @param service the module name
   * @return the image name
   */
  static DockerImageName image(String service) {
    return DockerImageName.parse(
        "mmlab/" + service + ":" + System.getProperty("mmlab.images.tag", "latest"));
  }

  /**
   * A service container that counts as started once the image's own HEALTHCHECK reports healthy.
   *
   * @param service the module name
   * @param port its HTTP port
   * @param network the network
   * @return the container, not started
   */
  @SuppressWarnings("resource") // closed by the Testcontainers extension
  static GenericContainer<?> service(String service, int port, Network network) {
    return new GenericContainer<>(image(service))
        .withNetwork(network)
        .withNetworkAliases(service)
        .withExposedPorts(port)
        .withEnv("MMLAB_INTERNAL_TOKEN", INTERNAL_TOKEN)
        .withLogConsumer(new Slf4jLogConsumer(org.slf4j.LoggerFactory.getLogger(service)))
        .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(4)));
  }
}
