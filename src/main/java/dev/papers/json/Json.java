package dev.papers.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.papers.model.Citation;
import dev.papers.model.Observation;
import dev.papers.model.Paper;

/**
 * The program's one ObjectMapper, configured before first use: ISO dates, the contract's field names
 * (the model's {@code abstractText} is {@code abstract}), unknown fields tolerated when reading.
 */
public final class Json {
  private static final ObjectMapper MAPPER = create();
  private static final ObjectWriter PRETTY;

  static {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    PRETTY = MAPPER.writer(pp);
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Two-space indented, "\n" line ends whatever the platform. */
  public static ObjectWriter pretty() {
    return PRETTY;
  }

  /** Writes a value two-space indented, then a line end, and flushes (the {@code --json} outputs). */
  public static void print(java.io.PrintWriter out, Object value) throws java.io.IOException {
    PRETTY.writeValue(out, value);
    out.println();
    out.flush();
  }

  private static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    m.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    m.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    m.addMixIn(Paper.class, PaperMixin.class);
    m.addMixIn(Observation.class, ObservationMixin.class);
    m.addMixIn(Citation.class, CitationMixin.class);
    return m;
  }

  abstract static class PaperMixin {
    @JsonProperty("abstract")
    abstract String abstractText();
  }

  abstract static class ObservationMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Boolean suspect();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Integer influential();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String provenance();

    @JsonIgnore
    abstract boolean isSuspect();
  }

  abstract static class CitationMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String clusterId();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String provenance();
  }
}
