import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The images' HEALTHCHECK: exits 0 when {@code GET url} answers 200 with {@code "status":"UP"},
 * 1 otherwise. A class rather than curl, because the registry-less base image has no shell tools;
 * only java.base, so it starts in a fraction of a second.
 */
public final class HealthCheck {
  private HealthCheck() {}

  /**
   * Checks one URL.
   *
   * @param args the health URL (default {@code http://127.0.0.1:$SERVER_PORT/actuator/health})
   */
  public static void main(String[] args) {
    String url =
        args.length > 0
            ? args[0]
            : "http://127.0.0.1:" + System.getenv().getOrDefault("SERVER_PORT", "8080")
                + "/actuator/health";
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(4000);
      int code = c.getResponseCode();
      String body;
      try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
        body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (code == 200 && body.replace(" ", "").contains("\"status\":\"UP\"")) {
        System.exit(0);
      }
      System.err.println("unhealthy: HTTP " + code + " " + abbreviate(body));
    } catch (Exception e) {
      System.err.println("unhealthy: " + url + ": " + e);
    }
    System.exit(1);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
