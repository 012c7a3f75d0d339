package org.zged.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;

/**
 * Binds a request object to one of the request records the command line fills, strictly: no unknown
 * keys, no floats or strings silently turned into integers; every failure an {@link ApiException}
 * naming the key.
 */
final class StrictBinder {
  private static final ObjectMapper BINDER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private StrictBinder() {}

  static <T> T bind(ObjectNode body, Class<T> type) {
    try {
      return BINDER.treeToValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      throw new ApiException(
          e.getPropertyName(), "unknown field (expected one of " + String.join(", ", known) + ")");
    } catch (JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
      throw new ApiException(field, "wrong type or out of range: " + body.get(field));
    } catch (InputCoercionException e) {
      throw new ApiException("body", "a number is out of range: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ApiException("body", "cannot read the request: " + e.getOriginalMessage());
    }
  }
}
