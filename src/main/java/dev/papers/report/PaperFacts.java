package dev.papers.report;

import dev.papers.digest.Growth;
import dev.papers.digest.SourceOrder;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.rank.Velocity;
import dev.papers.rank.VelocityResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** What the digest's and the HTML page's writers say about a paper, as plain text (escape it where it goes). */
public final class PaperFacts {
  private PaperFacts() {}

  /** The first three names, then "et al."; empty when none. */
  public static String authors(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " et al.";
  }

  /** Authors, year, venue (or journal reference), those known, joined with " · ". */
  public static String byline(Paper p) {
    List<String> parts = new ArrayList<>();
    String a = authors(p.authors());
    if (!a.isEmpty()) {
      parts.add(a);
    }
    if (p.year() != null) {
      parts.add(p.year().toString());
    }
    if (p.venue() != null) {
      parts.add(p.venue());
    } else if (p.journalRef() != null) {
      parts.add(p.journalRef());
    }
    return String.join(" · ", parts);
  }

  /** Each source's latest count at {@code asOf}, preferred source first. */
  public static Map<String, Observation> counts(Paper p, Instant asOf) {
    TreeSet<String> sources = new TreeSet<>(SourceOrder.PREFERENCE);
    p.history().forEach(o -> sources.add(o.source()));
    sources.addAll(p.citations().keySet());
    Map<String, Observation> out = new LinkedHashMap<>();
    for (String s : sources) {
      Observation o = Velocity.latest(p, s, asOf);
      if (o != null) {
        out.put(s, o);
      }
    }
    return out;
  }

  /** {@code 130 (Semantic Scholar), 120 (OpenAlex)}, or null when no source has a count. */
  public static String countsText(Paper p, Instant asOf) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Observation> e : counts(p, asOf).entrySet()) {
      parts.add(e.getValue().count() + " (" + SourceOrder.displayName(e.getKey()) + ", " + day(e.getValue().observedAt())
          + ")");
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** {@code 45.2 a year (observed, Semantic Scholar)}, {@code ≈} before an approximate one; null for none. */
  public static String velocityText(VelocityResult v) {
    if (v == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%s%.1f a year (%s, %s)", v.approximate() ? "≈" : "", v.velocity(), v.method(),
        SourceOrder.displayName(v.source()));
  }

  /** {@code +30 since 2026-11-15 (Semantic Scholar: 50 on 2026-11-14, 80 on 2026-11-21)}. */
  public static String growthText(Growth g, Instant since) {
    return String.format(Locale.ROOT, "%+d since %s (%s: %d on %s, %d on %s)", g.growth(), day(since),
        SourceOrder.displayName(g.source()), g.from().count(), day(g.from().observedAt()), g.to().count(),
        day(g.to().observedAt()));
  }

  public static String title(Paper p) {
    return p.title() == null ? "(" + dev.papers.rank.RankedPaper.displayId(p) + ": no title yet)" : p.title();
  }

  public static String day(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
