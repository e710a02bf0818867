package dev.papers.cli;

import dev.papers.config.UsageException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** {@code --sources arxiv,s2,scholar}. */
final class SourceList {
  static final Set<String> KNOWN = Set.of("arxiv", "s2", "scholar");

  private SourceList() {}

  static Set<String> parse(String value, Set<String> fallback) {
    if (value == null) {
      return fallback;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.equals("semanticscholar")) {
        p = "s2";
      }
      if (p.isEmpty()) {
        continue;
      }
      if (!KNOWN.contains(p)) {
        throw new UsageException("--sources: unknown source \"" + part.strip() + "\" (known: arxiv, s2, scholar)");
      }
      out.add(p);
    }
    if (out.isEmpty()) {
      throw new UsageException("--sources: name at least one of arxiv, s2, scholar");
    }
    return out;
  }
}
