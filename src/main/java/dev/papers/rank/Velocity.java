package dev.papers.rank;

import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Citation velocity, exactly as the contract defines it: pure functions of a paper's history and the
 * ranking's now ({@code asOf}). Only observations at or before {@code asOf} exist; suspect ones are
 * ignored. Each source uses the first method it can (observed, histogram, lifetime); across sources
 * the better method wins, then {@code semanticScholar}, then {@code openAlex}, then {@code scholar}, then any other source
 * alphabetically.
 *
 * <p>Choices the contract leaves open, pinned by {@code VelocityTest}: "one year before" is the same
 * calendar date a year earlier (UTC); days are fractional (from the instants); the histogram's
 * current-year scaling uses the fractional days since 1 January (UTC), at least one; a histogram's
 * year-by-year counts are taken as recorded.
 */
public final class Velocity {
  /** The least distance between the two observations of the {@code observed} method. */
  public static final Duration MIN_SPAN = Duration.ofDays(30);
  /** The least age of the {@code lifetime} method, in years. */
  public static final double MIN_AGE_YEARS = 0.25;

  private static final double SECONDS_PER_DAY = 86_400.0;

  private Velocity() {}

  /** The best velocity across all sources, or empty when no source has a usable count. */
  public static Optional<VelocityResult> best(Paper paper, Instant asOf) {
    return all(paper, asOf).stream().findFirst();
  }

  /** One velocity per source that has one, best first. */
  public static List<VelocityResult> all(Paper paper, Instant asOf) {
    List<VelocityResult> out = new ArrayList<>();
    for (String source : sources(paper, asOf)) {
      forSource(paper, source, asOf).ifPresent(out::add);
    }
    out.sort(PREFERENCE);
    return out;
  }

  /** Better method first, then semanticScholar, openAlex, scholar, then other sources alphabetically. */
  public static final Comparator<VelocityResult> PREFERENCE =
      Comparator.comparingInt(VelocityResult::methodRank)
          .thenComparingInt(r -> sourceRank(r.source()))
          .thenComparing(VelocityResult::source);

  static int sourceRank(String source) {
    if (Source.SEMANTIC_SCHOLAR.jsonName().equals(source)) {
      return 0;
    }
    if (Source.OPEN_ALEX.jsonName().equals(source)) {
      return 1;
    }
    if (Source.SCHOLAR.jsonName().equals(source)) {
      return 2;
    }
    return 3;
  }

  /** The sources that have a usable count or a histogram at {@code asOf}. */
  static List<String> sources(Paper paper, Instant asOf) {
    TreeSet<String> s = new TreeSet<>();
    for (Observation o : usable(paper, null, asOf)) {
      s.add(o.source());
    }
    for (Histogram h : paper.histograms().values()) {
      if (!h.madeAt().isAfter(asOf)) {
        s.add(h.source());
      }
    }
    return List.copyOf(s);
  }

  /** The first method this source can use: observed, else histogram, else lifetime. */
  public static Optional<VelocityResult> forSource(Paper paper, String source, Instant asOf) {
    Optional<VelocityResult> r = observed(paper, source, asOf);
    if (r.isEmpty()) {
      r = histogram(paper, source, asOf);
    }
    if (r.isEmpty()) {
      r = lifetime(paper, source, asOf);
    }
    if (Source.OPEN_ALEX.jsonName().equals(source)) {
      r = r.map(v -> new VelocityResult(v.source(), v.method(), v.velocity(), v.count(), v.observedAt(),
          v.approximate(), () -> v.explanation() + works(paper)));
    }
    return r;
  }

  /**
   * The OpenAlex works the count is of: {@code "; OpenAlex work W1"}, and when the paper is two works (a
   * preprint and its published version), {@code "; OpenAlex works W1 (counted, the more cited) and W2"}.
   */
  static String works(Paper paper) {
    String counted = paper.openAlexId();
    TreeSet<String> others = new TreeSet<>();
    for (String a : paper.keys()) {
      if (a.startsWith("openalex:")) {
        String w = a.substring("openalex:".length());
        if (!w.equals(counted)) {
          others.add(w);
        }
      }
    }
    if (counted == null && others.isEmpty()) {
      return "";
    }
    if (others.isEmpty()) {
      return "; OpenAlex work " + counted;
    }
    return "; OpenAlex works " + (counted == null ? "" : counted + " (counted, the more cited) and ")
        + String.join(", ", others);
  }

  /**
   * The observed method: "now" is the latest usable observation at or before {@code asOf}; "then" is
   * the observation at least 30 days before it closest to one year before it (the older on a tie);
   * (now - then) x 365 / days between.
   */
  public static Optional<VelocityResult> observed(Paper paper, String source, Instant asOf) {
    List<Observation> obs = usable(paper, source, asOf);
    if (obs.size() < 2) {
      return Optional.empty();
    }
    Observation now = obs.get(obs.size() - 1);
    Instant latest = now.observedAt().minus(MIN_SPAN);
    Instant target = now.observedAt().atZone(ZoneOffset.UTC).minusYears(1).toInstant();
    Observation then = null;
    long bestDistance = Long.MAX_VALUE;
    for (Observation o : obs) { // oldest first: a later one must be strictly closer to win
      if (o.observedAt().isAfter(latest)) {
        continue;
      }
      long distance = Math.abs(Duration.between(o.observedAt(), target).toMillis());
      if (distance < bestDistance) {
        bestDistance = distance;
        then = o;
      }
    }
    if (then == null) {
      return Optional.empty();
    }
    double days = days(then.observedAt(), now.observedAt());
    double v = (now.count() - then.count()) * 365.0 / days;
    Observation from = then;
    return Optional.of(new VelocityResult(source, VelocityResult.OBSERVED, v, now.count(),
        now.observedAt(), false, () -> String.format(Locale.ROOT, "observed (%s): %d (%s) - %d (%s) over %s d = %s/yr",
            source, now.count(), date(now.observedAt()), from.count(), date(from.observedAt()),
            num(days), num(v)) + provenance(now)));
  }

  /**
   * The histogram method: with Y the (UTC) year the histogram was made, the 3:2:1 weighted mean of the
   * citations in Y, Y-1, Y-2, Y's count scaled by 365 / days from 1 January of Y to when it was made;
   * a year before the paper's publication year drops out with its weight.
   */
  public static Optional<VelocityResult> histogram(Paper paper, String source, Instant asOf) {
    Histogram h = paper.histograms().get(source);
    if (h == null || h.madeAt().isAfter(asOf)) {
      return Optional.empty();
    }
    int y = h.madeAt().atZone(ZoneOffset.UTC).getYear();
    Integer pubYear = publicationYear(paper);
    Instant jan1 = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    double daysIn = Math.max(1.0, days(jan1, h.madeAt()));
    double sum = 0;
    int weights = 0;
    for (int i = 0; i < 3; i++) {
      int year = y - i;
      if (pubYear != null && year < pubYear) {
        continue;
      }
      int c = h.byYear().getOrDefault(year, 0);
      sum += (3 - i) * (i == 0 ? c * 365.0 / daysIn : c);
      weights += 3 - i;
    }
    if (weights == 0) {
      return Optional.empty();
    }
    double v = sum / weights;
    Observation latest = latest(paper, source, asOf);
    int count;
    Instant at;
    if (latest != null) {
      count = latest.count();
      at = latest.observedAt();
    } else {
      count = h.total() != null ? h.total() : h.byYear().values().stream().mapToInt(Integer::intValue).sum();
      at = h.madeAt();
    }
    double total = sum;
    int weight = weights;
    return Optional.of(new VelocityResult(source, VelocityResult.HISTOGRAM, v, count, at, false,
        () -> String.format(Locale.ROOT, "histogram (%s, made %s%s): %s; weighted mean = %s/%d = %s/yr",
            source, date(h.madeAt()), h.partial() ? ", partial" : "", histogramParts(h, y, pubYear, daysIn),
            num(total), weight, num(v))
            + provenance(latest)));
  }

  /** The years a histogram velocity weighed, as its explanation shows them. */
  private static String histogramParts(Histogram h, int y, Integer pubYear, double daysIn) {
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      int year = y - i;
      if (pubYear != null && year < pubYear) {
        continue;
      }
      int c = h.byYear().getOrDefault(year, 0);
      if (parts.length() > 0) {
        parts.append(", ");
      }
      parts.append(year).append(": ").append(c);
      if (i == 0) {
        parts.append(" x 365/").append(num(daysIn)).append(" d = ").append(num(c * 365.0 / daysIn));
      }
      parts.append(" (x").append(3 - i).append(')');
    }
    return parts.toString();
  }

  /**
   * The lifetime method: the latest count / age in years (days / 365.25), the age running from
   * {@code published} to the count's {@code observedAt}, at least 0.25 years. With no
   * {@code published}: the first day of the arXiv id's month, else 1 July of {@code year}, and the
   * result is approximate; with neither, no velocity.
   */
  public static Optional<VelocityResult> lifetime(Paper paper, String source, Instant asOf) {
    Observation latest = latest(paper, source, asOf);
    if (latest == null) {
      return Optional.empty();
    }
    Start start = start(paper);
    if (start == null) {
      return Optional.empty();
    }
    Instant from = start.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    double years = days(from, latest.observedAt()) / 365.25;
    double age = Math.max(MIN_AGE_YEARS, years);
    double v = latest.count() / age;
    return Optional.of(new VelocityResult(source, VelocityResult.LIFETIME, v, latest.count(),
        latest.observedAt(), start.approximate(), () -> String.format(Locale.ROOT,
            "lifetime (%s): %d (%s) / %s y since %s%s%s = %s/yr",
            source, latest.count(), date(latest.observedAt()), num(age), start.date(),
            start.approximate() ? " (" + start.basis() + ", approximate)" : "",
            years < MIN_AGE_YEARS ? " (age raised to the 0.25 y minimum)" : "", num(v)) + provenance(latest)));
  }

  /**
   * Where a paper's life starts for the lifetime method.
   *
   * @param date the day
   * @param approximate true unless it is the paper's {@code published} date
   * @param basis what it was taken from
   */
  public record Start(LocalDate date, boolean approximate, String basis) {}

  /** {@code published}, else the first day of the arXiv id's month, else 1 July of {@code year}. */
  public static Start start(Paper paper) {
    if (paper.published() != null) {
      return new Start(paper.published(), false, "published");
    }
    LocalDate fromId = arxivMonth(paper.arxivId());
    if (fromId != null) {
      return new Start(fromId, true, "month of arXiv id " + paper.arxivId());
    }
    if (paper.year() != null) {
      return new Start(LocalDate.of(paper.year(), 7, 1), true, "1 July of " + paper.year());
    }
    return null;
  }

  /** The first day of the month an arXiv id (new style YYMM.NNNNN or old style archive/YYMMNNN) names. */
  public static LocalDate arxivMonth(String arxivId) {
    if (arxivId == null) {
      return null;
    }
    PaperId id = PaperId.arxivOrNull(arxivId);
    if (id == null) {
      return null;
    }
    String v = id.value();
    int slash = v.indexOf('/');
    String yymm = slash >= 0 ? v.substring(slash + 1, slash + 5) : v.substring(0, 4);
    int yy = Integer.parseInt(yymm.substring(0, 2));
    int mm = Integer.parseInt(yymm.substring(2, 4));
    int year = slash >= 0 && yy >= 91 ? 1900 + yy : 2000 + yy;
    return LocalDate.of(year, mm, 1);
  }

  /** The paper's publication year: published, else year, else the arXiv id's year; or null. */
  static Integer publicationYear(Paper paper) {
    if (paper.published() != null) {
      return paper.published().getYear();
    }
    if (paper.year() != null) {
      return paper.year();
    }
    LocalDate m = arxivMonth(paper.arxivId());
    return m == null ? null : m.getYear();
  }

  /**
   * The non-suspect observations at or before {@code asOf}, of one source (or all when null), oldest
   * first. A current count missing from the history counts as an observation too.
   */
  static List<Observation> usable(Paper paper, String source, Instant asOf) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : paper.history()) {
      if ((source == null || source.equals(o.source())) && !o.isSuspect() && !o.observedAt().isAfter(asOf)) {
        out.add(o);
      }
    }
    for (Map.Entry<String, Citation> e : paper.citations().entrySet()) {
      Citation c = e.getValue();
      if ((source == null || source.equals(e.getKey())) && c.observedAt() != null
          && !c.observedAt().isAfter(asOf)) {
        Observation o = new Observation(e.getKey(), c.count(), c.observedAt(), null, c.influential(),
            c.provenance());
        if (out.stream().noneMatch(o::sameAs)) {
          out.add(o);
        }
      }
    }
    out.sort(Observation.ORDER);
    return out;
  }

  /** The latest usable observation of a source at {@code asOf}, or null. */
  public static Observation latest(Paper paper, String source, Instant asOf) {
    List<Observation> obs = usable(paper, source, asOf);
    return obs.isEmpty() ? null : obs.get(obs.size() - 1);
  }

  static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
  }

  private static String provenance(Observation o) {
    return o != null && o.provenance() != null ? "; count from " + o.provenance() : "";
  }

  static String date(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** A number for people: at most one decimal, none when it is whole. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
