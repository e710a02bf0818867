package dev.papers.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.papers.json.Json;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rank --format json}: an array, best first, of the contract's objects ({@link Fields}); the
 * members with no count follow with {@code rank}, {@code velocity} and {@code velocityMethod} null.
 */
public final class JsonRankWriter implements RankWriter {
  private final boolean explain;

  public JsonRankWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RankedPaper e : result.entries()) {
      rows.add(Fields.of(e, explain)); // scalars and lists only, in the contract's order
    }
    try {
      out.write(Json.pretty().without(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    out.flush();
  }
}
