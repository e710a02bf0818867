package dev.papers.report;

import dev.papers.digest.SourceOrder;
import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A paper's citations as one inline SVG: citations per year as bars (one bar per source with a
 * histogram, in the order rank prefers sources), and the count's history as a line per source. Only
 * what existed at the page's now is drawn (histograms made and counts observed at or before it;
 * suspect counts left out). The SVG says in words what it shows ({@code <title>} and
 * {@code aria-label}); it refers to nothing outside itself.
 */
public final class SvgChart {
  static final int WIDTH = 640;
  private static final int PANEL = 170;
  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 30;
  private static final int PLOT = 108;
  private static final int MAX_YEARS = 30;
  private static final String[] OTHER_COLOURS = {"#0f766e", "#be185d", "#6b7280", "#a16207"};

  private SvgChart() {}

  /** Whether the paper gets a chart: a per-year histogram, or two or more counts observed. */
  public static boolean eligible(Paper p, Instant asOf) {
    return !histograms(p, asOf).isEmpty() || observationCount(p, asOf) >= 2;
  }

  /** The chart, or null when the paper has nothing to draw. {@code id} makes its element ids unique. */
  public static String svg(Paper p, Instant asOf, String id) {
    List<Histogram> hs = histograms(p, asOf);
    Map<String, List<Observation>> lines = observations(p, asOf);
    int obsCount = lines.values().stream().mapToInt(List::size).sum();
    boolean bars = !hs.isEmpty();
    // the count's history: when a source was counted twice, or (with no histogram to show) any two counts
    boolean line = lines.values().stream().anyMatch(os -> os.size() >= 2) || (!bars && obsCount >= 2);
    if (!bars && !line) {
      return null;
    }
    String words = describe(p, hs, line ? lines : Map.of());
    int height = (bars ? PANEL : 0) + (line ? PANEL : 0);
    StringBuilder b = new StringBuilder(4096);
    b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(words)).append("\" id=\"").append(Html.escape(id))
        .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
    b.append("<title>").append(Html.escape(words)).append("</title>");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" fill=\"#ffffff\"/>");
    int y0 = 0;
    if (bars) {
      bars(b, hs, y0);
      y0 += PANEL;
    }
    if (line) {
      lines(b, lines, y0);
    }
    b.append("</svg>");
    return b.toString();
  }

  /** The chart's text alternative: what it shows, in words. */
  static String describe(Paper p, List<Histogram> hs, Map<String, List<Observation>> lines) {
    StringBuilder b = new StringBuilder();
    String title = p.title() == null ? p.id() : DisplayWidth.clean(p.title());
    b.append("Citations of ").append(title).append('.');
    for (Histogram h : hs) {
      b.append(" Citations per year, ").append(SourceOrder.displayName(h.source())).append(": ");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : lastYears(Sparkline.years(h)).entrySet()) {
        parts.add(e.getKey() + ": " + e.getValue());
      }
      b.append(String.join(", ", parts)).append('.');
    }
    if (!lines.isEmpty()) {
      b.append(" Citation count over time:");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, List<Observation>> e : lines.entrySet()) {
        List<Observation> os = e.getValue();
        Observation first = os.get(0);
        Observation last = os.get(os.size() - 1);
        parts.add(" " + SourceOrder.displayName(e.getKey()) + " " + (os.size() == 1
            ? first.count() + " on " + day(first.observedAt())
            : "from " + first.count() + " on " + day(first.observedAt()) + " to " + last.count() + " on "
                + day(last.observedAt()) + " (" + os.size() + " counts)"));
      }
      b.append(String.join(";", parts)).append('.');
    }
    return b.toString();
  }

  private static void bars(StringBuilder b, List<Histogram> hs, int y0) {
    SortedMap<Integer, Integer> range = new TreeMap<>();
    for (Histogram h : hs) {
      range.putAll(Sparkline.years(h));
    }
    int first = range.firstKey();
    int last = range.lastKey();
    for (int y = first; y <= last; y++) {
      range.putIfAbsent(y, 0);
    }
    List<Integer> years = new ArrayList<>(lastYears(range).keySet());
    int max = 1;
    for (Histogram h : hs) {
      for (int y : years) {
        max = Math.max(max, h.byYear().getOrDefault(y, 0));
      }
    }
    heading(b, "Citations per year", hs.stream().map(Histogram::source).toList(), null, y0);
    int plotW = WIDTH - LEFT - RIGHT;
    double group = (double) plotW / years.size();
    double barW = group * 0.8 / hs.size();
    int base = y0 + TOP + PLOT;
    axis(b, y0, "0", Integer.toString(max));
    int step = (int) Math.ceil(years.size() / 12.0);
    for (int i = 0; i < years.size(); i++) {
      int year = years.get(i);
      double gx = LEFT + i * group + group * 0.1;
      for (int k = 0; k < hs.size(); k++) {
        int v = hs.get(k).byYear().getOrDefault(year, 0);
        double h = (double) v * PLOT / max;
        b.append("<rect x=\"").append(f(gx + k * barW)).append("\" y=\"").append(f(base - h))
            .append("\" width=\"").append(f(Math.max(1, barW - 1))).append("\" height=\"").append(f(h))
            .append("\" fill=\"").append(colour(hs.get(k).source())).append("\"><title>")
            .append(year).append(", ").append(Html.escape(SourceOrder.displayName(hs.get(k).source())))
            .append(": ").append(v).append("</title></rect>");
      }
      if (i % step == 0 || i == years.size() - 1) {
        b.append("<text x=\"").append(f(LEFT + (i + 0.5) * group)).append("\" y=\"").append(base + 16)
            .append("\" text-anchor=\"middle\" fill=\"#444\">").append(year).append("</text>");
      }
    }
  }

  private static void lines(StringBuilder b, Map<String, List<Observation>> lines, int y0) {
    long tMin = Long.MAX_VALUE;
    long tMax = Long.MIN_VALUE;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (List<Observation> os : lines.values()) {
      for (Observation o : os) {
        tMin = Math.min(tMin, o.observedAt().getEpochSecond());
        tMax = Math.max(tMax, o.observedAt().getEpochSecond());
        lo = Math.min(lo, o.count());
        hi = Math.max(hi, o.count());
      }
    }
    if (tMax == tMin) {
      tMin -= 86_400;
      tMax += 86_400;
    }
    if (hi == lo) {
      lo = Math.max(0, lo - 1);
      hi = hi + 1;
    }
    Map<String, String> legend = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> e : lines.entrySet()) {
      legend.put(e.getKey(), Integer.toString(e.getValue().get(e.getValue().size() - 1).count()));
    }
    heading(b, "Citation count over time", new ArrayList<>(lines.keySet()), legend, y0);
    axis(b, y0, Integer.toString(lo), Integer.toString(hi));
    int plotW = WIDTH - LEFT - RIGHT;
    int base = y0 + TOP + PLOT;
    for (Map.Entry<String, List<Observation>> e : lines.entrySet()) {
      String colour = colour(e.getKey());
      StringBuilder pts = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (Observation o : e.getValue()) {
        double x = LEFT + (double) (o.observedAt().getEpochSecond() - tMin) * plotW / (tMax - tMin);
        double y = base - (double) (o.count() - lo) * PLOT / (hi - lo);
        pts.append(f(x)).append(',').append(f(y)).append(' ');
        dots.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
            .append(colour).append("\"><title>").append(Html.escape(SourceOrder.displayName(e.getKey())))
            .append(", ").append(day(o.observedAt())).append(": ").append(o.count()).append("</title></circle>");
      }
      if (e.getValue().size() > 1) {
        b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
            .append(pts.toString().strip()).append("\"/>");
      }
      b.append(dots);
    }
    b.append("<text x=\"").append(LEFT).append("\" y=\"").append(base + 16).append("\" fill=\"#444\">")
        .append(day(Instant.ofEpochSecond(tMin))).append("</text>");
    b.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(base + 16)
        .append("\" text-anchor=\"end\" fill=\"#444\">").append(day(Instant.ofEpochSecond(tMax))).append("</text>");
  }

  /** The panel's title and its legend (a swatch and the source's name, and a value when given). */
  private static void heading(StringBuilder b, String title, List<String> sources, Map<String, String> values,
      int y0) {
    b.append("<text x=\"").append(LEFT).append("\" y=\"").append(y0 + 16)
        .append("\" font-weight=\"bold\" fill=\"#222\">").append(Html.escape(title)).append("</text>");
    double x = LEFT + 190;
    for (String s : sources) {
      String label = SourceOrder.displayName(s) + (values == null ? "" : " " + values.get(s));
      b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(y0 + 7).append("\" width=\"10\" height=\"10\" fill=\"")
          .append(colour(s)).append("\"/>");
      b.append("<text x=\"").append(f(x + 14)).append("\" y=\"").append(y0 + 16).append("\" fill=\"#222\">")
          .append(Html.escape(DisplayWidth.truncate(label, 28))).append("</text>");
      x += 24 + Math.min(28, label.length()) * 6.6;
    }
  }

  private static void axis(StringBuilder b, int y0, String low, String high) {
    int top = y0 + TOP;
    int base = top + PLOT;
    b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"").append(WIDTH - RIGHT)
        .append("\" y2=\"").append(base).append("\" stroke=\"#888\"/>");
    b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(top).append("\" x2=\"").append(WIDTH - RIGHT)
        .append("\" y2=\"").append(top).append("\" stroke=\"#ddd\"/>");
    b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(base + 4)
        .append("\" text-anchor=\"end\" fill=\"#444\">").append(low).append("</text>");
    b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(top + 4)
        .append("\" text-anchor=\"end\" fill=\"#444\">").append(high).append("</text>");
  }

  /** The histograms made at or before {@code asOf} that list a year, preferred source first. */
  static List<Histogram> histograms(Paper p, Instant asOf) {
    List<Histogram> out = new ArrayList<>();
    for (String source : SourceOrder.sorted(p.histograms().keySet())) {
      Histogram h = p.histograms().get(source);
      if (!h.madeAt().isAfter(asOf) && !h.byYear().isEmpty()) {
        out.add(h);
      }
    }
    return out;
  }

  /** Per source (preferred first), the counts observed at or before {@code asOf}, oldest first; no suspect ones. */
  static Map<String, List<Observation>> observations(Paper p, Instant asOf) {
    Map<String, List<Observation>> bySource = new TreeMap<>(SourceOrder.PREFERENCE);
    for (Observation o : p.history()) {
      if (!o.isSuspect() && !o.observedAt().isAfter(asOf)) {
        bySource.computeIfAbsent(o.source(), k -> new ArrayList<>()).add(o);
      }
    }
    for (Map.Entry<String, Citation> e : p.citations().entrySet()) {
      Citation c = e.getValue();
      if (c.observedAt() == null || c.observedAt().isAfter(asOf)) {
        continue;
      }
      Observation o = new Observation(e.getKey(), c.count(), c.observedAt());
      List<Observation> os = bySource.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      if (os.stream().noneMatch(o::sameAs)) {
        os.add(o);
      }
    }
    Map<String, List<Observation>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> e : bySource.entrySet()) {
      List<Observation> os = new ArrayList<>(e.getValue());
      os.sort(Observation.ORDER);
      out.put(e.getKey(), os);
    }
    return out;
  }

  static int observationCount(Paper p, Instant asOf) {
    return observations(p, asOf).values().stream().mapToInt(List::size).sum();
  }

  /** A source's colour: the same on every chart. */
  static String colour(String source) {
    return switch (source) {
      case "semanticScholar" -> "#2563eb";
      case "openAlex" -> "#ea580c";
      case "scholar" -> "#7c3aed";
      case "reported" -> "#16a34a";
      default -> OTHER_COLOURS[Math.floorMod(source.hashCode(), OTHER_COLOURS.length)];
    };
  }

  private static SortedMap<Integer, Integer> lastYears(SortedMap<Integer, Integer> years) {
    if (years.size() <= MAX_YEARS) {
      return years;
    }
    return years.tailMap(years.lastKey() - MAX_YEARS + 1);
  }

  private static String day(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
