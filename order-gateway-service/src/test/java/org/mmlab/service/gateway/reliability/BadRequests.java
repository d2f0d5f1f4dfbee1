package org.mmlab.service.gateway.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mmlab.api.Endpoints;

/**
 * A seeded generator of bad gateway requests: random and mutated JSON, wrong types, huge, negative
 * and non-finite numbers, unknown fields, oversized and deeply nested bodies, bad and missing
 * headers, unicode, bad paths and methods. Every request is wrong in at least one way, except that
 * a random mutation of a valid order can happen to be valid (the market is stopped then, so the
 * exchange refuses it too).
 */
final class BadRequests {
  /**
   * One request.
   *
   * @param kind the generator that made it (for reports)
   * @param method HTTP method
   * @param path path and query
   * @param apiKey X-API-Key value, or null for none
   * @param contentType Content-Type, or null for none
   * @param body the body, or null
   */
  record Request(
      String kind, String method, String path, String apiKey, String contentType, byte[] body) {
    /** Whether a random mutation may have produced a valid request (a quote can be 200). */
    boolean mayBeValid() {
      return kind.startsWith("mutated") || kind.equals("quote");
    }
  }

  private static final String[] NUMBERS = {
    "0",
    "-1",
    "-0",
    "-0.0",
    "1e400",
    "-1e400",
    "1e-400",
    "99999999999999999999999999999999",
    "-99999999999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "0.0000000001",
    "1.00000000000000000000001",
    "NaN",
    "Infinity",
    "-Infinity",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "\"1e999999999\"",
    "1E+2147483648",
    "0x10",
    "01",
    ".5",
    "5.",
    "+5",
    "1_000",
    "\"\"",
    "\" 5 \"",
    "\"5,5\"",
    "true",
    "null",
    "[]",
    "{}",
    "[1]",
    "{\"value\":1}"
  };

  private static final String[] WRONG = {
    "123",
    "true",
    "false",
    "null",
    "[]",
    "{}",
    "\"\"",
    "\"buy\"",
    "\"BUYY\"",
    "\"\\u0000\"",
    "[\"BUY\"]",
    "{\"side\":\"BUY\"}",
    "1.5",
    "\"LIMIT \"",
    "\"MARKET\\n\"",
    "\"\ud83d\ude80\""
  };

  private static final String INSERTS = "{}[]\",:\\0-eE.x\u00ff";

  private static final String[] UNICODE = {
    "\u00e9\u00e8",
    "\u202e\u202d",
    "\u200b\u200b",
    "\ud83d\ude80\ud83d\ude80",
    "\\ud800",
    "\\udfff",
    "\\u0000",
    "\u0000",
    "\ufeff",
    "\u4e2d\u6587",
    "a\\nb",
    "\uffff",
    "\u0301\u0301\u0301"
  };

  private static final String[] CONTENT_TYPES = {
    "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
    "application/json; charset=ebcdic", "application/json; charset=utf-16", "???", "application/",
    "*/*", "application/problem+json", "application/json;;;", "image/png"
  };

  private final Random rnd;
  private final String key;

  BadRequests(long seed, String key) {
    this.rnd = new Random(seed);
    this.key = key;
  }

  /** A valid order, the base for mutations. */
  private String validOrder() {
    return "{\"clientOrderId\":\"f"
        + rnd.nextInt(1_000_000)
        + "\",\"side\":\""
        + (rnd.nextBoolean() ? "BUY" : "SELL")
        + "\",\"type\":\""
        + pick(new String[] {"LIMIT", "IOC", "POST_ONLY", "MARKET"})
        + "\",\"price\":\"100."
        + rnd.nextInt(10)
        + rnd.nextInt(10)
        + "\",\"size\":"
        + (1 + rnd.nextInt(5))
        + "}";
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  Request next() {
    if (rnd.nextInt(500) == 0) { // rare: each is hundreds of kilobytes
      return post("oversized", Endpoints.ORDERS, oversized());
    }
    int k = rnd.nextInt(14);
    return switch (k) {
      case 0 -> post("random-bytes", Endpoints.ORDERS, randomBytes(rnd.nextInt(300)));
      case 1, 2 -> post("mutated-json", Endpoints.ORDERS, utf8(mutate(validOrder())));
      case 3 -> post("wrong-type", Endpoints.ORDERS, utf8(wrongType()));
      case 4 -> post("number", Endpoints.ORDERS, utf8(badNumber()));
      case 5 -> post("unknown-field", Endpoints.ORDERS, utf8(unknownField()));
      case 6 -> post("negative", Endpoints.ORDERS, utf8(negative()));
      case 7 -> headers();
      case 8 -> post("unicode", Endpoints.ORDERS, utf8(unicode()));
      case 9 -> path();
      case 10 -> put("quote", Endpoints.QUOTES, utf8(badQuote()));
      case 11 -> post("structure", Endpoints.ORDERS, utf8(badStructure()));
      case 12 -> put("kill-switch", Endpoints.KILL_SWITCH, utf8(mutate("{\"engaged\":true}")));
      default -> put("mutated-quote", Endpoints.QUOTES, utf8(mutate(crossedQuote())));
    };
  }

  private Request put(String kind, String path, byte[] body) {
    return new Request(kind, "PUT", path, key, "application/json", body);
  }

  private Request post(String kind, String path, byte[] body) {
    return new Request(kind, "POST", path, key, "application/json", body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private String mutate(String json) {
    StringBuilder s = new StringBuilder(json);
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n && s.length() > 0; i++) {
      int at = rnd.nextInt(s.length());
      switch (rnd.nextInt(6)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, INSERTS.charAt(rnd.nextInt(INSERTS.length())));
        case 2 -> s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
        case 3 -> s.setLength(at);
        case 4 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + rnd.nextInt(10))));
        default -> s.insert(at, pick(UNICODE));
      }
    }
    return s.toString();
  }

  private String wrongType() {
    String[] fields = {"clientOrderId", "side", "type", "price", "size"};
    String f = pick(fields);
    String v = pick(WRONG);
    return validOrder().replaceFirst("\"" + f + "\":(\"[^\"]*\"|[0-9]+)", "\"" + f + "\":" + v);
  }

  private String badNumber() {
    String f = rnd.nextBoolean() ? "price" : "size";
    return validOrder()
        .replaceFirst("\"" + f + "\":(\"[^\"]*\"|[0-9]+)", "\"" + f + "\":" + pick(NUMBERS));
  }

  private String unknownField() {
    // Unknown fields, each with a bad value elsewhere so that the order is wrong regardless.
    String order = badNumber();
    return order.substring(0, order.length() - 1)
        + ",\"extra"
        + rnd.nextInt(100)
        + "\":"
        + pick(WRONG)
        + ",\"__proto__\":{\"admin\":true}}";
  }

  private String negative() {
    String v = "-" + (1 + rnd.nextInt(1000)) + (rnd.nextBoolean() ? "" : ".5");
    return rnd.nextBoolean()
        ? validOrder().replaceFirst("\"size\":[0-9]+", "\"size\":" + v)
        : validOrder().replaceFirst("\"price\":\"[^\"]*\"", "\"price\":\"" + v + "\"");
  }

  private byte[] oversized() {
    int n = 260_000 + rnd.nextInt(340_000);
    StringBuilder s = new StringBuilder(n + 100);
    switch (rnd.nextInt(3)) {
      case 0 -> {
        s.append("{\"clientOrderId\":\"");
        while (s.length() < n) {
          s.append("abcdefghij");
        }
        s.append("\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100\",\"size\":1}");
      }
      case 1 -> {
        int depth = 1_000 + rnd.nextInt(n / 2);
        s.append("{\"side\":");
        s.append("[".repeat(depth));
        s.append("]".repeat(depth));
        s.append('}');
      }
      default -> {
        s.append("{\"size\":1");
        for (int i = 0; s.length() < n; i++) {
          s.append(",\"f").append(i).append("\":").append(i);
        }
        s.append('}');
      }
    }
    return utf8(s.toString());
  }

  private Request headers() {
    String body = validOrder();
    return switch (rnd.nextInt(6)) {
      case 0 ->
          new Request("no-key", "POST", Endpoints.ORDERS, null, "application/json", utf8(body));
      case 1 ->
          new Request(
              "wrong-key", "POST", Endpoints.ORDERS, key + "x", "application/json", utf8(body));
      case 2 ->
          new Request(
              "long-key",
              "POST",
              Endpoints.ORDERS,
              "k".repeat(1 + rnd.nextInt(1_000)),
              "application/json",
              utf8(body));
      case 3 ->
          new Request(
              "latin1-key",
              "POST",
              Endpoints.ORDERS,
              "\u00e9" + key,
              "application/json",
              utf8(body));
      case 4 ->
          new Request("no-content-type", "POST", Endpoints.ORDERS, key, null, utf8(mutate(body)));
      default ->
          new Request(
              "content-type", "POST", Endpoints.ORDERS, key, pick(CONTENT_TYPES), utf8(body));
    };
  }

  private String unicode() {
    String u = pick(UNICODE);
    return switch (rnd.nextInt(3)) {
      case 0 -> validOrder().replaceFirst("\"clientOrderId\":\"f", "\"clientOrderId\":\"" + u);
      case 1 -> validOrder().replaceFirst("\"BUY\"|\"SELL\"", "\"B" + u + "UY\"");
      default -> validOrder().replaceFirst("\"price\":\"100", "\"price\":\"1" + u + "00");
    };
  }

  private Request path() {
    String[] ids = {
      "abc",
      "-1",
      "0",
      "99999999999999999999",
      "1.5",
      "%20",
      "NaN",
      "1e3",
      "%F0%9F%9A%80",
      "9223372036854775807",
      "-9223372036854775808",
      "null",
      "..%2F..",
      "1%3B2"
    };
    return switch (rnd.nextInt(6)) {
      case 0 -> new Request("path", "GET", Endpoints.ORDERS + "/" + pick(ids), key, null, null);
      case 1 -> new Request("path", "DELETE", Endpoints.ORDERS + "/" + pick(ids), key, null, null);
      case 2 ->
          new Request(
              "method",
              rnd.nextBoolean() ? "PUT" : "PATCH",
              Endpoints.ORDERS,
              key,
              "application/json",
              utf8(validOrder()));
      case 3 ->
          new Request("path", "GET", "/api/v1/" + pick(ids) + "/" + pick(ids), key, null, null);
      case 4 ->
          new Request(
              "query",
              "GET",
              Endpoints.ORDERS + "/" + (1_000_000 + rnd.nextInt(1_000_000)) + "?x=" + pick(ids),
              key,
              null,
              null);
      default ->
          new Request(
              "method", "POST", Endpoints.POSITIONS, key, "application/json", utf8(validOrder()));
    };
  }

  private String crossedQuote() {
    int bid = 100 + rnd.nextInt(5);
    return "{\"bidPrice\":\""
        + bid
        + ".00\",\"bidSize\":1,\"askPrice\":\""
        + (bid - rnd.nextInt(3))
        + ".00\",\"askSize\":1}";
  }

  private String badQuote() {
    List<String> shapes = new ArrayList<>();
    shapes.add(crossedQuote());
    shapes.add("{\"bidPrice\":\"100.00\"}");
    shapes.add("{\"askSize\":" + pick(NUMBERS) + ",\"askPrice\":\"100.00\"}");
    shapes.add("{\"bidPrice\":" + pick(NUMBERS) + ",\"bidSize\":1}");
    shapes.add("{\"bidPrice\":" + pick(WRONG) + ",\"bidSize\":" + pick(WRONG) + "}");
    shapes.add("[" + crossedQuote() + "]");
    return shapes.get(rnd.nextInt(shapes.size()));
  }

  private String badStructure() {
    String[] s = {
      "",
      " ",
      "null",
      "[]",
      "\"order\"",
      "42",
      "{",
      "}",
      "{\"side\":}",
      "{,}",
      "{\"a\":1,}",
      "[" + validOrder() + "]",
      validOrder() + validOrder(),
      validOrder() + "garbage",
      "{\"side\":\"BUY\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"size\":-1}",
      "\ufeff{}",
      "{'side':'BUY'}",
      "/* c */{}",
      "{\"size\":1}",
      "{\"type\":\"LIMIT\"}"
    };
    return pick(s);
  }
}
