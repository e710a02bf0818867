package dev.papers.source.scholar;

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
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The cool-down after a block, kept in {@code <state>/scholar-cooldown.json} as
 * {@code {"until": instant, "reason": text, "since": instant}}, so that later runs (cron ones too)
 * send nothing to Scholar until it expires.
 */
public final class CoolDown {
  /** The file's name under the state directory. */
  public static final String FILE = "scholar-cooldown.json";

  /**
   * A cool-down in force.
   *
   * @param until when requests may be sent again
   * @param reason what the block looked like
   * @param since when the block was seen
   */
  public record State(Instant until, String reason, Instant since) {}

  private final Path file;

  public CoolDown(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** The cool-down in force at {@code now}, if any. An unreadable file counts as none. */
  public Optional<State> active(Instant now) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.mapper().readTree(file.toFile());
      Instant until = Instant.parse(n.path("until").asText());
      String reason = n.path("reason").isTextual() ? n.path("reason").asText() : null;
      Instant since = n.path("since").isTextual() ? Instant.parse(n.path("since").asText()) : null;
      return until.isAfter(now) ? Optional.of(new State(until, reason, since)) : Optional.empty();
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Starts (or extends) a cool-down: written to a temporary file, then renamed into place. */
  public void start(State s) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("until", s.until().toString());
    n.put("reason", s.reason());
    n.put("since", s.since() == null ? null : s.since().toString());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "scholar-cooldown", ".tmp");
      try {
        Files.write(tmp, Json.pretty().writeValueAsBytes(n));
        move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Scholar cool-down to " + file, e);
    }
  }

  /** Ends a cool-down early (a user who solved the captcha in a browser, say). */
  public void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
