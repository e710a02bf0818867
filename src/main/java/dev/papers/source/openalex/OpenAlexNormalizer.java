package dev.papers.source.openalex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.model.Histogram;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.model.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps an OpenAlex work to a {@link SourceRecord} of the source {@code openAlex}, whatever the record
 * format (2022 {@code host_venue}, 2024-25 {@code primary_location}, Nov-2025 location ids).
 *
 * <ul>
 *   <li>DOI: {@code doi}, else {@code ids.doi}, without the {@code https://doi.org/} prefix, lower-case.
 *   <li>arXiv id: OpenAlex has no arXiv id field. It is read from an arXiv DOI
 *       ({@code 10.48550/arxiv.<id>}), else from a location: {@code landing_page_url} or {@code pdf_url}
 *       on arxiv.org, or a location id {@code pmh:oai:arXiv.org:<id>} (the 2022 format's venue URLs
 *       too).
 *   <li>published: {@code publication_date}, except a 1 January date of a work that is an arXiv
 *       preprint: OpenAlex gives arXiv records year precision only ("2023-01-01" for a December 2023
 *       paper), so that date is left out (the year is kept).
 *   <li>count: {@code cited_by_count} when it is a whole number of 0 or more; anything else is no count.
 *   <li>histogram: {@code counts_by_year} as citations per year (the years OpenAlex leaves out had none),
 *       made at the observation time; none when any entry is not a year and a whole count.
 *   <li>abstract: rebuilt from {@code abstract_inverted_index} (each word at its positions).
 *   <li>venue: the primary location's source, unless it is a repository (arXiv is not a venue); else
 *       the first location whose source is not a repository; the 2022 format's {@code host_venue}.
 * </ul>
 */
final class OpenAlexNormalizer {
  private static final Pattern WORK_URL =
      Pattern.compile("(?i)(?:https?://(?:www\\.|api\\.)?openalex\\.org/(?:works/)?)?(W\\d{1,15})/?");
  private static final Pattern DOI_URL = Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:)");
  private static final Pattern ARXIV_DOI = Pattern.compile("(?i)10\\.48550/arxiv\\.(.+)");
  private static final Pattern ARXIV_URL =
      Pattern.compile("(?i)https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?");
  private static final Pattern ARXIV_OAI = Pattern.compile("(?i)(?:pmh:)?oai:arxiv\\.org:(.+)");
  /** Years OpenAlex could count citations in: nothing before the first journals, nothing far ahead. */
  private static final int FIRST_YEAR = 1600;
  private static final long MAX_COUNT = Integer.MAX_VALUE;

  private OpenAlexNormalizer() {}

  static SourceRecord record(OpenAlexDto.Work w, Instant observedAt) {
    String doi = doi(w);
    String arxiv = arxivId(w, doi);
    Integer year = whole(w.publicationYear());
    LocalDate published = date(w.publicationDate());
    if (published != null && arxiv != null && published.getDayOfYear() == 1) {
      published = null; // year precision only (see the class comment)
    }
    Integer count = count(w.citedByCount());
    return SourceRecord.builder(Source.OPEN_ALEX.jsonName())
        .openAlexId(workId(w.id() != null ? w.id() : w.ids() == null ? null : w.ids().openalex()))
        .doi(doi)
        .arxivId(arxiv)
        .title(w.title() != null ? w.title() : w.displayName())
        .authors(authors(w.authorships()))
        .abstractText(abstractText(w.abstractInvertedIndex()))
        .published(published)
        .year(year)
        .venue(venue(w))
        .count(count)
        .histogram(histogram(w.countsByYear(), observedAt, count))
        .referencedWorks(referencedWorks(w.referencedWorks()))
        .observedAt(observedAt)
        .build();
  }

  /** {@code W2741809807} from {@code https://openalex.org/W2741809807} (or the bare id); else null. */
  static String workId(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = WORK_URL.matcher(s.strip());
    if (!m.matches()) {
      return null;
    }
    PaperId id = PaperId.openAlexOrNull(m.group(1));
    return id == null ? null : id.value();
  }

  /** The work's DOI, lower-case, without a resolver prefix; null when it has none. */
  static String doi(OpenAlexDto.Work w) {
    String d = bareDoi(w.doi());
    if (d == null && w.ids() != null) {
      d = bareDoi(w.ids().doi());
    }
    return d;
  }

  static String bareDoi(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String d = DOI_URL.matcher(raw.strip()).replaceFirst("");
    if (d.contains("%")) {
      try {
        d = java.net.URLDecoder.decode(d.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // keep it as it is
      }
    }
    d = d.strip().toLowerCase(Locale.ROOT);
    return d.startsWith("10.") && d.indexOf('/') > 3 ? d : null;
  }

  /** The arXiv id (no version) this work is, from its DOI or its locations; null when none. */
  static String arxivId(OpenAlexDto.Work w, String doi) {
    if (doi != null) {
      Matcher m = ARXIV_DOI.matcher(doi);
      if (m.matches()) {
        String a = arxiv(m.group(1));
        if (a != null) {
          return a;
        }
      }
    }
    List<OpenAlexDto.Location> locs = new ArrayList<>();
    if (w.primaryLocation() != null) {
      locs.add(w.primaryLocation());
    }
    if (w.locations() != null) {
      locs.addAll(w.locations());
    }
    if (w.bestOaLocation() != null) {
      locs.add(w.bestOaLocation());
    }
    for (OpenAlexDto.Location l : locs) {
      if (l == null) {
        continue;
      }
      String a = fromOai(l.id());
      if (a == null) {
        a = fromUrl(l.landingPageUrl());
      }
      if (a == null) {
        a = fromUrl(l.pdfUrl());
      }
      if (a != null) {
        return a;
      }
    }
    List<OpenAlexDto.HostVenue> venues = new ArrayList<>();
    if (w.hostVenue() != null) {
      venues.add(w.hostVenue());
    }
    if (w.alternateHostVenues() != null) {
      venues.addAll(w.alternateHostVenues());
    }
    for (OpenAlexDto.HostVenue v : venues) {
      String a = v == null ? null : fromUrl(v.url());
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static String fromOai(String id) {
    if (id == null) {
      return null;
    }
    Matcher m = ARXIV_OAI.matcher(id.strip());
    return m.matches() ? arxiv(m.group(1)) : null;
  }

  private static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = ARXIV_URL.matcher(url.strip());
    return m.matches() ? arxiv(m.group(1)) : null;
  }

  private static String arxiv(String raw) {
    PaperId a = PaperId.arxivOrNull(raw.strip());
    return a == null ? null : a.value();
  }

  /** A whole number of 0 or more that fits a count; null for anything else. */
  static Integer count(JsonNode n) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      return null;
    }
    long v = n.asLong();
    return v < 0 || v > MAX_COUNT ? null : Integer.valueOf((int) v);
  }

  /** Why a count was not stored ("12.5", "-3", an object), or null when it is a good count or absent. */
  static String badCount(OpenAlexDto.Work w) {
    JsonNode n = w.citedByCount();
    if (n == null || n.isNull() || count(n) != null) {
      return null;
    }
    String t = n.toString();
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  private static Integer whole(JsonNode n) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
      return null;
    }
    int v = n.asInt();
    return v < FIRST_YEAR || v > 9999 ? null : Integer.valueOf(v);
  }

  /**
   * {@code counts_by_year} as a histogram of the source {@code openAlex}: each listed year with its
   * count (a year listed twice counts once, the larger); null when the field is absent, not an array, or
   * any entry is not a year with a whole count of 0 or more.
   */
  static Histogram histogram(JsonNode counts, Instant madeAt, Integer total) {
    if (counts == null || !counts.isArray()) {
      return null;
    }
    SortedMap<Integer, Integer> byYear = new TreeMap<>();
    for (JsonNode e : counts) {
      if (e == null || !e.isObject()) {
        return null;
      }
      Integer y = whole(e.get("year"));
      Integer c = count(e.get("cited_by_count"));
      if (y == null || c == null) {
        return null;
      }
      byYear.merge(y, c, Math::max);
    }
    int counted = 0;
    for (int c : byYear.values()) {
      counted = (int) Math.min(Integer.MAX_VALUE, (long) counted + c);
    }
    return new Histogram(Source.OPEN_ALEX.jsonName(), madeAt, byYear, counted, total, false);
  }

  private static List<String> referencedWorks(List<String> refs) {
    if (refs == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String r : refs) {
      String id = workId(r);
      if (id != null) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> authors(List<OpenAlexDto.Authorship> authorships) {
    if (authorships == null) {
      return null;
    }
    List<String> names = new ArrayList<>(authorships.size());
    for (OpenAlexDto.Authorship a : authorships) {
      if (a == null) {
        continue;
      }
      String name = a.author() == null ? null : Text.oneLine(a.author().displayName());
      if (name == null) {
        name = Text.oneLine(a.rawAuthorName());
      }
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static String venue(OpenAlexDto.Work w) {
    String v = venueOf(w.primaryLocation());
    if (v != null) {
      return v;
    }
    if (w.locations() != null) {
      for (OpenAlexDto.Location l : w.locations()) {
        v = venueOf(l);
        if (v != null) {
          return v;
        }
      }
    }
    OpenAlexDto.HostVenue h = w.hostVenue();
    if (h != null && !"repository".equalsIgnoreCase(h.type())) {
      return Text.oneLine(h.displayName());
    }
    return null;
  }

  private static String venueOf(OpenAlexDto.Location l) {
    if (l == null || l.source() == null || "repository".equalsIgnoreCase(l.source().type())) {
      return null;
    }
    return Text.oneLine(l.source().displayName());
  }

  /** Most words an abstract is rebuilt from: anything larger is not an abstract. */
  private static final int MAX_WORDS = 20_000;

  /**
   * The abstract from OpenAlex's inverted index ({@code {"word": [positions]}}): each word at its
   * positions, in order. Null when absent, empty, or not of that shape.
   */
  static String abstractText(JsonNode index) {
    if (index == null || !index.isObject() || index.isEmpty()) {
      return null;
    }
    java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isArray()) {
        return null;
      }
      for (JsonNode p : e.getValue()) {
        if (!p.isIntegralNumber() || !p.canConvertToInt() || p.asInt() < 0 || at.size() >= MAX_WORDS) {
          return null;
        }
        at.put(p.asInt(), e.getKey());
      }
    }
    return Text.oneLine(String.join(" ", at.values()));
  }

  /** {@code YYYY-MM-DD}; anything else is unknown. */
  static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    if (t.length() > 10 && t.charAt(10) == 'T') {
      t = t.substring(0, 10);
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
