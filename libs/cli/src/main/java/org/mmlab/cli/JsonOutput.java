package org.mmlab.cli;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for command output: one mapper, keys in insertion order, indented. */
public final class JsonOutput {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonOutput() {}

  /**
   * Writes a value (maps, lists, records, numbers) as indented JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
