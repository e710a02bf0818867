package dev.papers.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON Lines: one paper record per line, exactly the record {@code show --json} prints (every field,
 * the whole {@code history}), compact. Control characters in strings are escaped by JSON itself, so a
 * line never breaks inside a record. DuckDB's {@code read_json}, Spark's {@code spark.read.json} and
 * pandas' {@code read_json(lines=True)} read the output as it is.
 */
public final class JsonLinesWriter {
  private static final ObjectWriter COMPACT = Json.mapper().writer();
  private final Writer out;

  public JsonLinesWriter(Writer out) {
    this.out = out;
  }

  /** Writes one record and its line end. */
  public void write(Paper p) {
    try {
      out.write(COMPACT.writeValueAsString(p));
      out.write('\n');
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
