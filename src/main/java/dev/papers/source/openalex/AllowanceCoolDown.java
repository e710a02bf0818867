package dev.papers.source.openalex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * OpenAlex's daily allowance, spent: after a 429, nothing is sent to OpenAlex by any process sharing the
 * cache until the next 00:00 UTC. Kept in {@code <state>/openalex-cooldown.json} as
 * {@code {"until": instant, "since": instant}}; an unreadable file counts as none. The file holds no
 * URL and no key.
 */
public final class AllowanceCoolDown {
  /** The file's name under the state directory. */
  public static final String FILE = "openalex-cooldown.json";

  /** A cool-down in force: requests may be sent again at {@code until}; the 429 came at {@code since}. */
  public record State(Instant until, Instant since) {}

  private final Path file;

  /** @param stateDir {@code $PAPERS_CACHE/.state}, or null to keep no cool-down at all */
  public AllowanceCoolDown(Path stateDir) {
    this.file = stateDir == null ? null : stateDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** The next 00:00 UTC after {@code now}. */
  public static Instant nextMidnightUtc(Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The cool-down in force at {@code now}, if any. */
  public Optional<State> active(Instant now) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.mapper().readTree(file.toFile());
      if (n == null || !n.path("until").isTextual()) {
        return Optional.empty();
      }
      Instant until = Instant.parse(n.path("until").asText());
      Instant since = n.path("since").isTextual() ? Instant.parse(n.path("since").asText()) : null;
      return until.isAfter(now) ? Optional.of(new State(until, since)) : Optional.empty();
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Starts the cool-down: until the next 00:00 UTC after {@code now}. Returns its state. */
  public State start(Instant now) {
    State s = new State(nextMidnightUtc(now), now);
    if (file == null) {
      return s;
    }
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("until", s.until().toString());
    n.put("since", now.toString());
    n.put("reason", "OpenAlex answered 429: the day's allowance is spent");
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "openalex-cooldown", ".tmp");
      try {
        Files.write(tmp, Json.pretty().writeValueAsBytes(n));
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the OpenAlex cool-down to " + file, e);
    }
    return s;
  }
}
