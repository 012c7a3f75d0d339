package org.zged.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.Element;

/**
 * Writes dataset records as JSON Lines: one object per line, keys in a fixed order, numbers via
 * {@link DecimalText} so the bytes depend on nothing but the values. Element values are written
 * exactly (they are sampled with 6 significant digits); computed labels with {@link
 * DecimalText#LABEL_DIGITS} digits. A label that is not finite (none occur in the families) is
 * written as null.
 */
final class RecordWriter implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator gen;
  private final OutputStream out;
  private final boolean open;

  RecordWriter(OutputStream out) {
    this(out, false);
  }

  /** With {@code open}, records also carry {@code order} and {@code signature} (format 2). */
  RecordWriter(OutputStream out, boolean open) {
    this.open = open;
    try {
      this.out = out;
      this.gen = JSON.createGenerator(out);
      gen.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeHeader(DatasetHeader h) {
    try {
      gen.writeStartObject();
      gen.writeStringField("type", "header");
      gen.writeStringField("format", "zged-dataset");
      gen.writeNumberField("format_version", h.formatVersion());
      gen.writeStringField("generator", h.generator());
      gen.writeNumberField("seed", h.seed());
      gen.writeStringField("preset", h.preset());
      gen.writeNumberField("count", h.total());
      RandomGraphs space = h.space();
      if (h.open() && space != null) {
        gen.writeObjectFieldStart("space");
        gen.writeNumberField("max_internal", space.maxInternal());
        gen.writeNumberField("min_elements", space.minElements());
        gen.writeNumberField("max_elements", space.maxElements());
        gen.writeEndObject();
      }
      gen.writeObjectFieldStart("families");
      for (Map.Entry<CircuitFamily, Integer> e : h.counts().entrySet()) {
        gen.writeNumberField(e.getKey().id(), e.getValue());
      }
      gen.writeEndObject();
      gen.writeBooleanField("with_response", h.withResponse());
      gen.writeEndObject();
      endLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One circuit line; {@code response} may be null. */
  void writeRecord(CircuitRecord r, FrequencyResponse response) {
    try {
      gen.writeStartObject();
      gen.writeStringField("type", "circuit");
      gen.writeStringField("id", r.id());
      gen.writeStringField("family", r.family().id());
      gen.writeStringField("split", r.split().label());
      if (open) {
        gen.writeNumberField("order", r.order());
        gen.writeStringField("signature", r.signature());
      }
      writeElements(r.circuit().elements());
      writeGraph(r.graph());
      writeRoots("poles", r.poles());
      writeRoots("zeros", r.zeros());
      gen.writeFieldName("gain");
      writeLabel(r.gain());
      writeSpecs(r.specs());
      if (response != null) {
        writeResponse(response);
      }
      gen.writeEndObject();
      endLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeElements(List<Element> elements) throws IOException {
    gen.writeArrayFieldStart("elements");
    for (Element e : elements) {
      gen.writeStartObject();
      gen.writeStringField("name", e.name());
      gen.writeStringField("kind", e.kind().name());
      gen.writeArrayFieldStart("nodes");
      gen.writeString(e.nodeA());
      gen.writeString(e.nodeB());
      gen.writeEndArray();
      gen.writeFieldName("value");
      gen.writeNumber(DecimalText.format(e.value(), DecimalText.LABEL_DIGITS));
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private void writeGraph(CircuitGraph g) throws IOException {
    gen.writeArrayFieldStart("nodes");
    for (String n : g.nodeNames()) {
      gen.writeString(n);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("edges");
    for (Edge e : g.edges()) {
      gen.writeStartObject();
      gen.writeNumberField("a", e.a());
      gen.writeNumberField("b", e.b());
      gen.writeArrayFieldStart("nodes"); // the names too, for people and jq
      gen.writeString(g.nodeNames().get(e.a()));
      gen.writeString(g.nodeNames().get(e.b()));
      gen.writeEndArray();
      gen.writeStringField("class", e.edgeClass().name());
      gen.writeArrayFieldStart("admittance");
      writeLabel(e.g());
      writeLabel(e.c());
      writeLabel(e.gamma());
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private void writeRoots(String field, List<Complex> roots) throws IOException {
    gen.writeArrayFieldStart(field);
    for (Complex z : roots) {
      gen.writeStartArray();
      writeLabel(z.getReal());
      writeLabel(z.getImaginary());
      gen.writeEndArray();
    }
    gen.writeEndArray();
  }

  private void writeSpecs(FilterSpecs s) throws IOException {
    gen.writeObjectFieldStart("specs");
    gen.writeStringField("response_class", s.responseClass().label());
    for (SpecField f : SpecField.values()) {
      gen.writeFieldName(f.key());
      writeLabel(f.get(s));
    }
    gen.writeBooleanField("lossless", s.lossless());
    gen.writeEndObject();
  }

  private void writeResponse(FrequencyResponse fr) throws IOException {
    gen.writeObjectFieldStart("response");
    writeArray("frequency_hz", fr.frequencyHz());
    writeArray("magnitude_db", fr.magnitudeDb());
    writeArray("phase_deg", fr.phaseDeg());
    gen.writeEndObject();
  }

  private void writeArray(String field, double[] values) throws IOException {
    gen.writeArrayFieldStart(field);
    for (double v : values) {
      writeLabel(v);
    }
    gen.writeEndArray();
  }

  private void writeLabel(Double v) throws IOException {
    if (v == null || !Double.isFinite(v)) {
      gen.writeNull();
    } else {
      gen.writeNumber(DecimalText.format(v, DecimalText.LABEL_DIGITS));
    }
  }

  private void endLine() throws IOException {
    gen.writeRaw('\n');
  }

  void flush() {
    try {
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      gen.close();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
