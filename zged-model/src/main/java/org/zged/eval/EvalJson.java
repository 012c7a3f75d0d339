package org.zged.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of evaluation results: snake_case keys, and NaN or infinite numbers (a metric that
 * is undefined on the data, e.g. zero Chamfer with no zeros) written as {@code null} so the output
 * is strict JSON.
 */
public final class EvalJson {
  private static final ObjectMapper MAPPER = mapper();

  private EvalJson() {}

  public static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule();
    JsonSerializer<Double> nullIfNotFinite =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (v == null || !Double.isFinite(v)) {
              g.writeNull();
            } else {
              g.writeNumber(v);
            }
          }
        };
    finite.addSerializer(Double.class, nullIfNotFinite);
    finite.addSerializer(double.class, nullIfNotFinite);
    return new ObjectMapper()
        .registerModule(finite)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
