package dev.papers.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the program's settings come from: the environment wins over the configuration file, and a
 * command-line flag wins over both (the commands apply their flags on top). The configuration file
 * holds the same names as the environment ({@code PAPERS_S2_INTERVAL=2s}), one per line; it is
 * {@code $PAPERS_CONFIG}, else {@code $XDG_CONFIG_HOME/papers/config}, else
 * {@code ~/.config/papers/config}, and may be absent.
 */
public final class Settings {
  private final Map<String, String> env;
  private final Map<String, String> file;
  private final Path filePath;
  private final Path home;

  private Settings(Map<String, String> env, Map<String, String> file, Path filePath, Path home) {
    this.env = env;
    this.file = file;
    this.filePath = filePath;
    this.home = home;
  }

  /**
   * @param env the environment
   * @param home the directory of the launcher (the default cache and queries are beside it)
   */
  public static Settings load(Map<String, String> env, Path home) {
    Path path = configPath(env);
    Map<String, String> values = new HashMap<>();
    if (path != null && Files.isRegularFile(path)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException("cannot read the configuration file " + path + ": " + e.getMessage());
      }
      for (String name : p.stringPropertyNames()) {
        values.put(name.strip(), p.getProperty(name).strip());
      }
    }
    return new Settings(Map.copyOf(env), Map.copyOf(values), path, home);
  }

  public static Settings of(Map<String, String> env, Path home) {
    return new Settings(Map.copyOf(env), Map.of(), null, home);
  }

  private static Path configPath(Map<String, String> env) {
    String explicit = env.get("PAPERS_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "papers", "config");
    }
    String userHome = env.get("HOME");
    return userHome == null ? null : Path.of(userHome, ".config", "papers", "config");
  }

  /** The environment as given (for proxy variables and the like). */
  public Map<String, String> env() {
    return env;
  }

  public Path configFile() {
    return filePath;
  }

  /** The launcher's directory. */
  public Path home() {
    return home;
  }

  /** The value of a setting: environment first, then the configuration file; null when unset or blank. */
  public String get(String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      v = file.get(name);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  public String get(String name, String fallback) {
    String v = get(name);
    return v == null ? fallback : v;
  }

  public Duration duration(String name, Duration fallback) {
    String v = get(name);
    return v == null ? fallback : Durations.parse(v, name);
  }

  public int integer(String name, int fallback, int min) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + ": \"" + v + "\" is not a whole number of at least " + min);
    }
  }

  public boolean flag(String name) {
    String v = get(name);
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")
        || v.equalsIgnoreCase("on"));
  }

  /** {@code PAPERS_NOW}, or null for the real clock. */
  public Instant now() {
    String v = get("PAPERS_NOW");
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e2) {
        throw new UsageException("PAPERS_NOW: \"" + v + "\" is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
      }
    }
  }

  public Path cacheDir() {
    String v = get("PAPERS_CACHE");
    return v != null ? Path.of(v) : home.resolve("cache");
  }

  public Path queriesDir() {
    String v = get("PAPERS_QUERIES");
    return v != null ? Path.of(v) : home.resolve("queries");
  }
}
