package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.cache.PaperCache;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the fault campaign checks after every run, killed or not: every paper file parses, no
 * observation stored before is lost or changed, none is recorded twice, no temporary file ends in
 * {@code .json}, and stderr holds no stack trace.
 */
final class CacheInvariants {
  private CacheInvariants() {}

  /** Every paper's history, by id. */
  static Map<String, List<Observation>> histories(Path cacheDir) {
    PaperCache.Snapshot s = new PaperCache(cacheDir, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).loadAll();
    assertThat(s.problems()).as("every paper file parses").isEmpty();
    Map<String, List<Observation>> out = new HashMap<>();
    for (Paper p : s.papers()) {
      out.put(p.id(), p.history());
      Set<String> seen = new HashSet<>();
      for (Observation o : p.history()) {
        assertThat(seen.add(o.source() + "@" + o.observedAt())).as(p.id() + ": observation doubled: " + o).isTrue();
      }
    }
    return out;
  }

  /** Checks the cache against what it held before: nothing lost, changed or doubled; files parse. */
  static Map<String, List<Observation>> check(Path cacheDir, Map<String, List<Observation>> before) {
    Map<String, List<Observation>> now = histories(cacheDir);
    before.forEach((id, h) -> {
      assertThat(now).as("paper lost: " + id).containsKey(id);
      assertThat(now.get(id)).as(id + ": an observation was lost or changed").containsAll(h);
    });
    assertThat(temporaries(cacheDir).stream().filter(f -> f.getFileName().toString().endsWith(".json")))
        .as("no temporary file looks like a paper").isEmpty();
    return now;
  }

  /** Temporary files of atomic writes under the cache. */
  static List<Path> temporaries(Path cacheDir) {
    if (!Files.isDirectory(cacheDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cacheDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("."))
          .filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract's error shape: at most two plain lines, no stack trace, no class names. */
  static void plainErrors(String what, String err) {
    assertThat(err).as(what).doesNotContain("internal error", "Exception", "\tat ", "java.", "com.fasterxml",
        "okhttp3.");
    assertThat(err.lines().count()).as(what + ": " + err).isLessThanOrEqualTo(2);
  }
}
