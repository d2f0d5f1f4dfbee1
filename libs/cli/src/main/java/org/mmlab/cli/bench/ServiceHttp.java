package org.mmlab.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmlab.cli.UserInputException;

/** The few plain REST calls the benches make: strategies and {@code /actuator/prometheus}. */
final class ServiceHttp {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * GET returning the body of a 2xx response.
   *
   * @param uri the URL
   * @return the body
   * @throws IOException on a transport error or a non-2xx status
   * @throws InterruptedException if interrupted
   */
  String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException("GET " + uri + " → HTTP " + r.statusCode());
    }
    return r.body();
  }

  /**
   * The metrics of a service.
   *
   * @param base the service's base URL
   * @return its Prometheus samples
   * @throws IOException on a transport error or a non-2xx status
   * @throws InterruptedException if interrupted
   */
  PrometheusText prometheus(URI base) throws IOException, InterruptedException {
    return PrometheusText.parse(get(URI.create(base + "/actuator/prometheus")));
  }

  /**
   * Starts a strategy on rl-strategy-service.
   *
   * @param strategyUrl the service's base URL
   * @param json the start request
   * @return the strategy's id
   * @throws IOException on a transport error
   * @throws InterruptedException if interrupted
   */
  String startStrategy(URI strategyUrl, String json) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(strategyUrl + "/api/v1/strategies"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() / 100 != 2 || !m.find()) {
      throw new UserInputException(
          "could not start a strategy with "
              + json
              + ": HTTP "
              + r.statusCode()
              + " "
              + r.body().replaceAll("\\s+", " "));
    }
    return m.group(1);
  }

  /**
   * A strategy's status JSON.
   *
   * @param strategyUrl the service's base URL
   * @param id the strategy
   * @return the body
   * @throws IOException on a transport error or a non-2xx status
   * @throws InterruptedException if interrupted
   */
  String strategy(URI strategyUrl, String id) throws IOException, InterruptedException {
    return get(URI.create(strategyUrl + "/api/v1/strategies/" + id));
  }

  /**
   * Stops a strategy; errors are ignored (it is clean-up).
   *
   * @param strategyUrl the service's base URL
   * @param id the strategy
   */
  void stopStrategy(URI strategyUrl, String id) {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(strategyUrl + "/api/v1/strategies/" + id))
              .timeout(Duration.ofSeconds(10))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The service may be gone already; nothing left to stop then.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
