package dev.papers.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.digest.Digest;
import dev.papers.digest.DigestEntry;
import dev.papers.digest.FirstSentence;
import dev.papers.json.Json;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.rank.VelocityResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code digest --format json}: {@code {"topic", "since", "asOf", "new", "rising", "readingList"}}.
 * Each paper: {@code id, title, authors, year, venue, links, citations} (the count shown) and
 * {@code source} (its source: in {@code rising} the source the growth was measured by),
 * {@code counts} (each source's latest count), {@code velocity, velocityMethod, velocitySource,
 * approximate}, {@code firstSentence}; in {@code rising} also {@code growth}, {@code from} and
 * {@code to}; in {@code readingList} also {@code rank}.
 */
public final class JsonDigestWriter implements DigestWriter {
  @Override
  public void write(Digest d, PrintWriter out) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("topic", d.topic().name());
    root.put("topicTitle", d.topic().title());
    root.put("since", d.since().toString());
    root.put("asOf", d.asOf().toString());
    root.set("new", papers(d.fresh(), d.asOf()));
    root.set("rising", papers(d.rising(), d.asOf()));
    root.set("readingList", papers(d.readingList(), d.asOf()));
    try {
      out.write(Json.pretty().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    out.flush();
  }

  private static ArrayNode papers(List<DigestEntry> entries, Instant asOf) {
    ArrayNode a = Json.mapper().createArrayNode();
    for (DigestEntry e : entries) {
      Paper p = e.paper();
      VelocityResult v = e.velocity();
      ObjectNode o = a.addObject();
      if (e.rank() != null) {
        o.put("rank", e.rank());
      }
      o.put("id", p.id());
      o.put("title", p.title());
      ArrayNode authors = o.putArray("authors");
      p.authors().forEach(authors::add);
      o.put("year", p.year());
      o.put("venue", p.venue());
      ObjectNode links = o.putObject("links");
      Map<String, String> ls = Links.of(p);
      links.put("arxiv", ls.get("arXiv"));
      links.put("doi", ls.get("DOI"));
      links.put("semanticScholar", ls.get("Semantic Scholar"));
      links.put("openAlex", ls.get("OpenAlex"));
      o.put("citations", e.count());
      o.put("source", e.source());
      if (e.growth() != null) {
        o.put("growth", e.growth().growth());
        o.set("from", observation(e.growth().from()));
        o.set("to", observation(e.growth().to()));
      }
      ObjectNode counts = o.putObject("counts");
      PaperFacts.counts(p, asOf).forEach((source, obs) -> counts.set(source, observation(obs)));
      if (v == null) {
        o.putNull("velocity");
      } else {
        o.put("velocity", v.velocity());
      }
      o.put("velocityMethod", v == null ? null : v.method());
      o.put("velocitySource", v == null ? null : v.source());
      if (v == null) {
        o.putNull("approximate");
      } else {
        o.put("approximate", v.approximate());
      }
      o.put("firstSentence", FirstSentence.of(p.abstractText()));
    }
    return a;
  }

  private static ObjectNode observation(Observation obs) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("count", obs.count());
    n.put("observedAt", obs.observedAt().toString());
    return n;
  }
}
