package dev.papers.cli;

import dev.papers.config.UsageException;
import dev.papers.model.Source;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code --sources arxiv,s2,scholar}. */
final class SourceList {
  private SourceList() {}

  static Set<Source> parse(String value, Set<Source> fallback) {
    if (value == null) {
      return fallback;
    }
    Set<Source> out = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Source s = Source.fromFlag(part);
      if (s == null) {
        throw new UsageException("--sources: unknown source \"" + part.strip() + "\" (known: " + Source.flagList() + ")");
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new UsageException("--sources: name at least one of " + Source.flagList());
    }
    return out;
  }
}
