package dev.papers;

import dev.papers.cache.PaperCache;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class-data-sharing training run: the launcher runs it once, after it builds the jar, with
 * {@code -XX:ArchiveClassesAtExit}, so that the classes the offline commands load (the cache, Jackson,
 * the model, the writers) start from the archive in every later run. It runs the offline commands in
 * this process on a throw-away cache of two papers, output discarded: it sends nothing and touches no
 * user file. picocli's own classes cannot be archived (they are Java 5 class files); ours can.
 */
final class Training {
  private Training() {}

  static void run(Path home) throws IOException {
    Path dir = Files.createTempDirectory("papers-cds");
    try {
      Path cache = dir.resolve("cache");
      Path queries = Files.createDirectories(dir.resolve("queries"));
      Files.writeString(queries.resolve("sample.json"), "{\"title\": \"Sample\", \"keywords\": [\"attention\"],"
          + " \"include\": [\"1706.03762\", \"1503.02531\"], \"exclude\": [], \"since\": 2015}\n", StandardCharsets.UTF_8);
      Instant then = Instant.parse("2025-12-01T00:00:00Z");
      Instant now = Instant.parse("2026-12-01T00:00:00Z");
      PaperCache c = new PaperCache(cache, Clock.fixed(now, ZoneOffset.UTC));
      for (Instant at : List.of(then, now)) {
        SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("1706.03762")
            .s2Id("204e3073870fae3d05bcbc2f6a8e263d9b72e776").doi("10.5555/3295222.3295349")
            .title("Attention Is All You Need").authors(List.of("Ashish Vaswani", "Noam Shazeer"))
            .abstractText("The dominant sequence transduction models.").published(LocalDate.of(2017, 6, 12))
            .year(2017).venue("NeurIPS").count(at == then ? 100_000 : 111_096).influential(15_000)
            .observedAt(at).build();
        c.update(List.of(PaperId.parse("1706.03762")), p -> p.merge(r, at).withTopic("sample", at));
      }
      Map<String, String> env = Map.of("PAPERS_CACHE", cache.toString(), "PAPERS_QUERIES", queries.toString(),
          "PAPERS_CONFIG", dir.resolve("none").toString(), "PAPERS_NOW", now.toString(), "NO_COLOR", "1");
      List<List<String>> runs = List.of(
          List.of("show", "1706.03762"), List.of("show", "1706.03762", "--json"), List.of("list"),
          List.of("list", "--json"), List.of("list", "--topic", "sample"), List.of("rank", "--topic", "sample"),
          List.of("export"), List.of("export", "--topic", "sample"),
          List.of("rank", "--topic", "sample", "--format", "json"),
          List.of("rank", "--topic", "sample", "--format", "markdown", "--explain"),
          List.of("rank", "--topic", "sample", "--format", "csv"),
          List.of("rank", "--topic", "sample", "--format", "bibtex"),
          List.of("rank", "--topic", "sample", "--format", "html"),
          List.of("digest", "--topic", "sample"), List.of("digest", "--topic", "sample", "--format", "html"),
          List.of("digest", "--topic", "sample", "--format", "json"),
          List.of("--help"), List.of("--version"));
      for (List<String> args : runs) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int code = Main.run(args.toArray(String[]::new), env, home, sink, sink, null);
        if (code != 0) {
          throw new IllegalStateException("papers " + String.join(" ", args) + " exited " + code);
        }
      }
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      if (Main.run(new String[] {"show", "not-an-id"}, env, home, sink, sink, null) != 2) {
        throw new IllegalStateException("papers show not-an-id did not exit 2");
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
