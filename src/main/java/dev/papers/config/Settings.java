package dev.papers.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;

/**
 * Where the program's settings come from: the environment wins over the configuration file, and a
 * command-line flag wins over both (the commands apply their flags on top). The configuration file
 * holds the same names as the environment ({@code PAPERS_S2_INTERVAL=2s}), one per line; it is
 * {@code $PAPERS_CONFIG}, else {@code $XDG_CONFIG_HOME/papers/config}, else
 * {@code ~/.config/papers/config}, and may be absent.
 */
public final class Settings {
  /**
   * Every name the program reads from the environment or the configuration file. A name in the
   * configuration file that is none of these is a mistake worth a warning (a test checks that every
   * name the code reads is here).
   */
  public static final Set<String> KNOWN = Set.of(
      "PAPERS_CACHE", "PAPERS_QUERIES", "PAPERS_CONFIG", "PAPERS_NOW", "PAPERS_SOURCES", "PAPERS_TIMEOUT",
      "PAPERS_USER_AGENT", "PAPERS_CONTACT", "PAPERS_MAX_RETRIES", "PAPERS_MAX_BACKOFF",
      "PAPERS_ARXIV_URL", "PAPERS_ARXIV_INTERVAL", "PAPERS_ARXIV_BATCH",
      "PAPERS_S2_URL", "PAPERS_S2_API_KEY", "PAPERS_S2_INTERVAL", "PAPERS_S2_BATCH",
      "PAPERS_S2_RECOMMENDATIONS_URL",
      "PAPERS_OPENALEX_URL", "PAPERS_OPENALEX_API_KEY", "PAPERS_OPENALEX_INTERVAL", "PAPERS_OPENALEX_BATCH",
      "PAPERS_SCHOLAR_URL", "PAPERS_SCHOLAR_INTERVAL", "PAPERS_SCHOLAR_COOLDOWN", "PAPERS_SCHOLAR_BUDGET",
      "PAPERS_SCHOLAR_USER_AGENT", "PAPERS_JAVA_OPTS",
      "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "all_proxy", "no_proxy",
      "NO_COLOR");

  private static final Pattern LINE = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");

  private final Map<String, String> env;
  private final Map<String, String> file;
  private final Path filePath;
  private final Path home;
  private final List<String> warnings;

  private Settings(Map<String, String> env, Map<String, String> file, Path filePath, Path home,
      List<String> warnings) {
    this.env = env;
    this.file = file;
    this.filePath = filePath;
    this.home = home;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads the configuration file, if there is one. Mistakes in it do not stop a run: they are kept
   * as {@link #warnings()} (a line that is not {@code NAME=value}, a name the program does not know,
   * a {@code PAPERS_CONFIG} that names no file), for the caller to print once.
   *
   * @param env the environment
   * @param home the directory of the launcher (the default cache and queries are beside it)
   */
  public static Settings load(Map<String, String> env, Path home) {
    Path path = configPath(env);
    Map<String, String> values = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    String explicit = env.get("PAPERS_CONFIG");
    if (explicit != null && !explicit.isBlank() && !Files.exists(path)) {
      warnings.add("PAPERS_CONFIG names " + path + ", which does not exist: no configuration file was read");
    }
    if (path != null && Files.isRegularFile(path)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      } catch (IOException | UncheckedIOException e) {
        throw new UsageException("cannot read the configuration file " + path + ": " + e.getMessage());
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (i == 0 && line.startsWith("\uFEFF")) {
          line = line.substring(1).strip();
        }
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = path + ":" + (i + 1) + ": ";
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          warnings.add(where + "not NAME=value, ignored: " + badLine(line));
          continue;
        }
        String name = m.group(1);
        if (!KNOWN.contains(name)) {
          String near = nearest(name);
          warnings.add(where + "unknown setting " + name + ", ignored"
              + (near == null ? " (README.md, Configuration, lists them)" : " (did you mean " + near + "?)"));
        }
        values.put(name, m.group(2).strip());
      }
    }
    return new Settings(Map.copyOf(env), Map.copyOf(values), path, home, warnings);
  }

  /**
   * A line that is no setting, as a warning quotes it: whole, unless it may hold a secret (it names a key,
   * a token, a secret or a password), then only its leading name, so that a mistyped API key line never
   * prints the key.
   */
  static String badLine(String line) {
    if (!SECRET_WORD.matcher(line).find()) {
      return dev.papers.model.InvalidIdException.quote(line);
    }
    Matcher name = LEADING_NAME.matcher(line);
    String lead = name.lookingAt() ? name.group() : "";
    return "a line that starts " + dev.papers.model.InvalidIdException.quote(lead)
        + " (the rest is not shown: it may hold a secret)";
  }

  private static final Pattern SECRET_WORD = Pattern.compile("(?i)key|token|secret|passw");
  private static final Pattern LEADING_NAME = Pattern.compile("(?:export\\s+)?[A-Za-z0-9_]*");

  /** The known name closest to {@code name} (case aside, at most two letters apart), or null. */
  static String nearest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : KNOWN) {
      int d = distance(name.toUpperCase(Locale.ROOT), k.toUpperCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= 2 ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** What is wrong in the configuration, one line each, to be printed once per run. */
  public List<String> warnings() {
    return warnings;
  }

  public static Settings of(Map<String, String> env, Path home) {
    return new Settings(Map.copyOf(env), Map.of(), null, home, List.of());
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
