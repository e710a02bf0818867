package dev.papers.topic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.papers.json.Json;
import dev.papers.model.InvalidIdException;
import dev.papers.model.PaperId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topics directory ({@code queries/}): one JSON file per topic, {@code NAME.json}.
 *
 * <p>Every problem is a {@link TopicException} with a one-line message in the compiler style
 * {@code FILE:LINE:COLUMN: what is wrong}. Fields the contract does not name are ignored (later
 * versions may add some); a field named twice is an error.
 */
public final class TopicStore {
  /** What a topic name may look like: no path separators, no leading dot. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private static final int MAX_NAME = 100;
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final Path dir;

  public TopicStore(Path queriesDir) {
    this.dir = queriesDir;
  }

  /** The directory the topics are read from. */
  public Path dir() {
    return dir;
  }

  /** The names of the topics there are, sorted; empty when the directory does not exist. */
  public List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String file = f.getFileName().toString();
        String name = file.substring(0, file.length() - ".json".length());
        if (validName(name) && Files.isRegularFile(f)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new TopicException("cannot list the topics in " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(names);
    return List.copyOf(names);
  }

  /** True when {@code name} may name a topic: {@code [a-z0-9][a-z0-9._-]*}, at most 100 characters. */
  public static boolean validName(String name) {
    return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
  }

  /**
   * Reads one topic.
   *
   * @throws TopicException when the name is not a topic name, names no topic (the message lists the
   *     topics there are), or the file is malformed (the message names the file, line and column)
   */
  public Topic load(String name) {
    if (!validName(name)) {
      String lower = name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
      String hint = validName(lower) && Files.exists(dir.resolve(lower + ".json")) ? "; did you mean " + lower + "?" : "";
      throw new TopicException("not a topic name: " + InvalidIdException.quote(name)
          + " (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)" + hint);
    }
    Path file = dir.resolve(name + ".json");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new TopicException(file + ": topic file larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unknown(name);
    } catch (IOException e) {
      if (!Files.exists(file)) {
        throw unknown(name);
      }
      throw new TopicException("cannot read topic file " + file + ": " + e.getMessage(), e);
    }
    return parse(name, file.toString(), bytes);
  }

  /**
   * A topic as {@code rank} and {@code list} take it: its file when there is one, else the topic its
   * tag makes ({@link Topic#ofTag}); the caller says {@link #unknown} when a tag-only topic has no
   * member.
   *
   * @throws TopicException when the name is not a topic name, or its file is malformed
   */
  public Topic resolve(String name) {
    if (!validName(name)) {
      return load(name); // says what a topic name looks like
    }
    if (!Files.exists(dir.resolve(name + ".json"))) {
      return Topic.ofTag(name);
    }
    return load(name);
  }

  /** "unknown topic NAME; topics in DIR: ..., or a tag (papers topics lists them)". */
  public TopicException unknown(String name) {
    List<String> names = names();
    String there = names.isEmpty()
        ? "there are no topic files in " + dir + " (a topic is a file NAME.json there)"
        : "topics in " + dir + ": " + String.join(", ", names);
    return new TopicException("unknown topic " + InvalidIdException.quote(name) + ": no topic file and no paper "
        + "tagged with it; " + there + " (papers topics lists them, tags included)");
  }

  /**
   * Parses a topic file's bytes. {@code file} is only used in messages.
   *
   * @throws TopicException when the content is not a valid topic
   */
  public static Topic parse(String name, String file, byte[] json) {
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return new Reader(name, file, p).read();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String what = e.getOriginalMessage();
      int nl = what == null ? -1 : what.indexOf('\n');
      if (nl >= 0) {
        what = what.substring(0, nl);
      }
      throw new TopicException(where(file, at) + ": invalid JSON: " + what, e);
    } catch (IOException e) {
      throw new TopicException("cannot read topic file " + file + ": " + e.getMessage(), e);
    }
  }

  static String where(String file, JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return file;
    }
    return file + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /** A streaming reader, so that every complaint can say where it is. */
  private static final class Reader {
    private final String name;
    private final String file;
    private final JsonParser p;

    Reader(String name, String file, JsonParser p) {
      this.name = name;
      this.file = file;
      this.p = p;
    }

    Topic read() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail(p.currentLocation(), "empty file; a topic is a JSON object with at least \"title\"");
      }
      if (t != JsonToken.START_OBJECT) {
        throw fail(p.currentTokenLocation(), "a topic is a JSON object, found " + describe(t));
      }
      String title = null;
      String arxiv = null;
      String s2 = null;
      List<String> keywords = List.of();
      List<String> includeRaw = List.of();
      List<PaperId> include = List.of();
      List<String> excludeRaw = List.of();
      List<PaperId> exclude = List.of();
      Integer since = null;
      Set<String> seen = new HashSet<>();
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        seen.add(field);
        p.nextToken();
        switch (field) {
          case "title" -> {
            title = string(field, false);
            if (title == null || title.isBlank()) {
              throw fail(p.currentTokenLocation(), "\"title\" must not be empty");
            }
          }
          case "arxiv" -> arxiv = string(field, true);
          case "semanticScholar" -> s2 = string(field, true);
          case "keywords" -> {
            keywords = strings(field);
          }
          case "include" -> {
            List<JsonLocation> at = new ArrayList<>();
            includeRaw = strings(field, at);
            include = ids(field, includeRaw, at);
          }
          case "exclude" -> {
            List<JsonLocation> at = new ArrayList<>();
            excludeRaw = strings(field, at);
            exclude = ids(field, excludeRaw, at);
          }
          case "since" -> since = year(field);
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw fail(p.currentTokenLocation(), "unexpected " + describe(t));
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw fail(p.currentTokenLocation(), "unexpected " + describe(after) + " after the topic object");
      }
      if (!seen.contains("title")) {
        throw new TopicException(file + ": missing \"title\" (a string, e.g. \"Knowledge distillation\")");
      }
      return new Topic(name, title, arxiv, s2, keywords, include, includeRaw, exclude, excludeRaw, since);
    }

    private String string(String field, boolean nullable) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL && nullable) {
        return null;
      }
      if (t != JsonToken.VALUE_STRING) {
        throw fail(p.currentTokenLocation(), "\"" + field + "\" must be a string, found " + describe(t));
      }
      return p.getText();
    }

    private List<String> strings(String field) throws IOException {
      return strings(field, new ArrayList<>());
    }

    private List<String> strings(String field, List<JsonLocation> at) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return List.of();
      }
      if (t != JsonToken.START_ARRAY) {
        throw fail(p.currentTokenLocation(),
            "\"" + field + "\" must be an array of strings, found " + describe(t));
      }
      List<String> out = new ArrayList<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.VALUE_STRING) {
          throw fail(p.currentTokenLocation(),
              "\"" + field + "\" must be an array of strings, found " + describe(t) + " in it");
        }
        if (p.getText().isBlank()) {
          throw fail(p.currentTokenLocation(), "\"" + field + "\" holds an empty string");
        }
        out.add(p.getText());
        at.add(p.currentTokenLocation());
      }
      return List.copyOf(out);
    }

    private List<PaperId> ids(String field, List<String> raw, List<JsonLocation> at) {
      List<PaperId> ids = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        try {
          ids.add(PaperId.parse(raw.get(i)));
        } catch (InvalidIdException e) {
          throw fail(at.get(i), "\"" + field + "\": " + e.getMessage());
        }
      }
      return List.copyOf(ids);
    }

    private Integer year(String field) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw fail(p.currentTokenLocation(), "\"" + field + "\" must be a year (an integer), found "
            + describe(t));
      }
      long v = p.getLongValue();
      if (v < 1000 || v > 9999) {
        throw fail(p.currentTokenLocation(), "\"" + field + "\" must be a four-digit year, found " + v);
      }
      return (int) v;
    }

    private TopicException fail(JsonLocation at, String what) {
      return new TopicException(where(file, at) + ": " + what);
    }

    private String describe(JsonToken t) throws IOException {
      if (t == null) {
        return "the end of the file";
      }
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "the string " + InvalidIdException.quote(p.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        default -> t.asString() == null ? t.name() : t.asString();
      };
    }
  }
}
