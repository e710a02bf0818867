package dev.papers.source.scholar;

import dev.papers.discover.DocumentReader;
import dev.papers.model.Text;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads Google-Scholar-style result pages and "Cited by" pages: a pure function of the page. Knows the
 * current layout ({@code div.gs_r.gs_or} with {@code data-cid}) and older ones ({@code div.gs_r}
 * with {@code h3.gs_rt}, {@code div.gs_a}, {@code div.gs_rs}, {@code div.gs_fl}, {@code div.gs_ggs});
 * reads counts whatever the page's language ("Cited by 4", "Zitiert von: 12", "被引用次数：1234"),
 * since it goes by the links' targets ({@code cites=}, {@code cluster=}) and takes the number in
 * their text.
 */
public final class ScholarParser {
  private static final Pattern SAVED_FROM =
      Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)(\\S+?)\\s*-->", Pattern.CASE_INSENSITIVE);
  /** A number, with thousands grouped by comma, dot, apostrophe or (narrow) no-break space. */
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[,.'\u00a0\u202f ]\\d{3})+(?!\\d)|\\d+");
  private static final Pattern YEAR_AT_END = Pattern.compile("^(.*?)[,\\s]*\\b(1[5-9]\\d\\d|20\\d\\d)\\s*$");
  private static final Pattern LEADING_MARKER = Pattern.compile("^\\s*\\[([^\\]]{1,24})\\]\\s*");
  private static final Pattern BYLINE_SEPARATOR = Pattern.compile("\\s+-\\s+");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)|（[^）]*）");
  private static final Pattern LOCATION = Pattern.compile("location\\s*=\\s*'([^']+)'");
  private static final String MARKERS = ".gs_ctc, .gs_ctu, .gs_ctg, .gs_ctg2, .gs_ct1, .gs_ct2";
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("CITATION", "CITATION"), Map.entry("C", "CITATION"), Map.entry("ZITATION", "CITATION"),
      Map.entry("ZITIERT", "CITATION"), Map.entry("引用", "CITATION"),
      Map.entry("引用记录", "CITATION"), Map.entry("引用元", "CITATION"), Map.entry("CITAS", "CITATION"),
      Map.entry("CITA", "CITATION"), Map.entry("BOOK", "BOOK"), Map.entry("B", "BOOK"), Map.entry("BUCH", "BOOK"),
      Map.entry("图书", "BOOK"), Map.entry("書籍", "BOOK"), Map.entry("圖書", "BOOK"), Map.entry("LIVRE", "BOOK"),
      Map.entry("LIBRO", "BOOK"), Map.entry("PDF", "PDF"), Map.entry("HTML", "HTML"));

  private ScholarParser() {}

  /**
   * Parses a page received as bytes: the charset is the Content-Type header's, else the one the
   * page's {@code <meta>} declares, else UTF-8 (a byte-order mark wins over both).
   *
   * @param body the body bytes
   * @param contentTypeHeaderOrNull the Content-Type response header
   * @param url the page's URL (relative links are resolved against it), or null
   */
  public static ScholarPage parse(byte[] body, String contentTypeHeaderOrNull, String url) {
    return parse(decode(body, contentTypeHeaderOrNull), url);
  }

  /** Parses a page that is already text (a recording, a saved file). */
  public static ScholarPage parse(String html, String url) {
    String base = url;
    if (base == null) {
      Matcher m = SAVED_FROM.matcher(html.length() > 4096 ? html.substring(0, 4096) : html);
      base = m.find() ? m.group(1) : "";
    }
    return parse(Jsoup.parse(html, base), base);
  }

  static ScholarPage parse(Document doc, String url) {
    List<ScholarResult> results = new ArrayList<>();
    for (Element r : resultElements(doc)) {
      ScholarResult res = result(r);
      if (res != null) {
        results.add(res);
      }
    }
    String cites = citesOfPage(doc, url);
    return new ScholarPage(results, total(doc, results.isEmpty()), nextUrl(doc), cites != null,
        cites == null || cites.isEmpty() ? null : cites);
  }

  /**
   * Whether a document looks like a Google Scholar result or "Cited by" page (for importing a page
   * saved from a browser).
   */
  public static boolean looksLikeScholarPage(String html) {
    if (html == null || !(html.contains("gs_rt") || html.contains("gs_res_ccl") || html.contains("gs_ab_md"))) {
      return false;
    }
    Document doc = Jsoup.parse(html);
    return !resultElements(doc).isEmpty() || doc.selectFirst("#gs_res_ccl_mid, #gs_ab_md") != null;
  }

  // ---- decoding ------------------------------------------------------------------------------------

  /** The page's text, decoded as {@link #parse(byte[], String, String)} describes (see {@link DocumentReader#decode}). */
  public static String decode(byte[] body, String contentTypeHeaderOrNull) {
    return DocumentReader.decode(body, contentTypeHeaderOrNull);
  }

  // ---- results -------------------------------------------------------------------------------------

  private static List<Element> resultElements(Document doc) {
    Elements candidates = doc.select("div.gs_r:has(.gs_rt), div.gs_or:has(.gs_rt)");
    if (candidates.isEmpty()) {
      candidates = doc.select("div.gs_ri:has(.gs_rt)");
    }
    Set<Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(candidates);
    List<Element> out = new ArrayList<>();
    outer:
    for (Element e : candidates) {
      for (Element p = e.parent(); p != null; p = p.parent()) {
        if (seen.contains(p)) {
          continue outer; // nested inside another result
        }
      }
      out.add(e);
    }
    return out;
  }

  private static ScholarResult result(Element r) {
    Element h3 = r.selectFirst(".gs_rt");
    if (h3 == null) {
      return null;
    }
    Element titleLink = null;
    for (Element a : h3.select("a[href]")) {
      if (!a.attr("href").startsWith("javascript")) {
        titleLink = a;
        break;
      }
    }
    String link = titleLink == null ? null : href(titleLink);
    if (link != null && link.contains("/citations?") && link.contains("view_op=search_authors")) {
      return null; // the "User profiles for ..." box
    }

    Element t = h3.clone();
    String kind = null;
    Element marker = t.selectFirst(".gs_ct1");
    if (marker == null) {
      marker = t.selectFirst(MARKERS);
    }
    if (marker != null) {
      kind = kind(marker.text());
    }
    t.select(MARKERS).remove();
    String title = Text.oneLine(t.text().replace('\u00a0', ' '));
    if (title != null) {
      Matcher m;
      while ((m = LEADING_MARKER.matcher(title)).find()) {
        if (kind == null) {
          kind = kind(m.group(1));
        }
        title = title.substring(m.end());
      }
      title = Text.oneLine(title);
    }

    Byline by = byline(r.selectFirst(".gs_a"));
    Element rs = r.selectFirst(".gs_rs");
    String snippet = rs == null ? null : Text.oneLine(rs.text());

    Integer citedBy = null;
    String citesId = null;
    Integer versions = null;
    String clusterParam = null;
    String b64 = null;
    for (Element a : r.select("a[href]")) {
      if (a.closest(".gs_rt") != null || a.closest(".gs_a") != null) {
        continue;
      }
      String href = a.attr("href");
      String cites = param(href, "cites");
      String cluster = param(href, "cluster");
      if (cites != null && citesId == null) {
        citesId = cites;
        citedBy = number(a.text());
      } else if (cluster != null && clusterParam == null) {
        clusterParam = cluster;
        versions = number(a.text());
      }
      String q = param(href, "q");
      if (b64 == null && q != null) {
        Matcher m = Pattern.compile("^(?:related|info|cache):([A-Za-z0-9_-]{11,12}):").matcher(q);
        if (m.find()) {
          b64 = m.group(1);
        }
      }
    }
    String clusterId = clusterId(r.attr("data-cid"), clusterParam, citesId, b64);

    String pdf = null;
    for (Element a : r.select(".gs_ggs a[href], .gs_md_wp a[href], .gs_or_ggsm a[href], .gs_ggsd a[href]")) {
      String txt = a.text().toUpperCase(Locale.ROOT);
      String h = href(a);
      if (txt.contains("[PDF]") || h.toLowerCase(Locale.ROOT).matches(".*\\.pdf([?#].*)?$")) {
        pdf = h;
        break;
      }
    }
    if (pdf == null && "PDF".equals(kind)) {
      pdf = link;
    }
    return new ScholarResult(title, link, by.authors, by.venue, by.year, by.publisher, snippet, citedBy,
        citesId, clusterId, versions, pdf, kind);
  }

  private static String clusterId(String dataCid, String clusterParam, String citesId, String b64) {
    String fromCid = ClusterIds.fromDataCid(dataCid);
    if (fromCid == null) {
      fromCid = ClusterIds.fromDataCid(b64);
    }
    String fromCluster = ClusterIds.normalize(clusterParam);
    String fromCites = citesId == null ? null : ClusterIds.normalize(citesId.split(",")[0]);
    if (fromCid != null && (fromCid.equals(fromCluster) || fromCid.equals(fromCites)
        || fromCluster == null && fromCites == null)) {
      return fromCid;
    }
    // The decimal ids in the links are explicit; prefer them over an attribute that disagrees.
    if (fromCluster != null) {
      return fromCluster;
    }
    return fromCites != null ? fromCites : fromCid;
  }

  private record Byline(List<String> authors, String venue, Integer year, String publisher) {}

  private static Byline byline(Element gsA) {
    if (gsA == null) {
      return new Byline(List.of(), null, null, null);
    }
    String text = Text.oneLine(gsA.text().replace('\u00a0', ' ').replace('\u2002', ' ').replace('\u2009', ' '));
    if (text == null) {
      return new Byline(List.of(), null, null, null);
    }
    String[] parts = BYLINE_SEPARATOR.split(text);
    String authorsPart = parts[0];
    String middle = null;
    String publisher = null;
    if (parts.length >= 3) {
      middle = String.join(" - ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
      publisher = parts[parts.length - 1];
    } else if (parts.length == 2) {
      String p = parts[1];
      if (YEAR_AT_END.matcher(p).matches() || p.contains(" ") || !p.contains(".")) {
        middle = p;
      } else {
        publisher = p;
      }
    } else if (YEAR_AT_END.matcher(text).matches() && !text.contains(",")) {
      authorsPart = null;
      middle = text;
    }
    List<String> authors = new ArrayList<>();
    if (authorsPart != null) {
      for (String a : authorsPart.split(",")) {
        String n = a.strip();
        while (n.endsWith("…") || n.endsWith("...")) {
          n = n.endsWith("…") ? n.substring(0, n.length() - 1).strip() : n.substring(0, n.length() - 3).strip();
        }
        if (!n.isEmpty()) {
          authors.add(n);
        }
      }
    }
    String venue = null;
    Integer year = null;
    if (middle != null) {
      Matcher m = YEAR_AT_END.matcher(middle);
      if (m.matches()) {
        year = Integer.valueOf(m.group(2));
        venue = m.group(1);
      } else {
        venue = middle;
      }
      venue = venue == null ? null : Text.blankToNull(venue.replaceAll("[,\\s]+$", ""));
    }
    return new Byline(authors, venue, year, Text.blankToNull(publisher));
  }

  private static String kind(String markerText) {
    String k = markerText.replace("[", "").replace("]", "").strip().toUpperCase(Locale.ROOT);
    if (k.isEmpty()) {
      return null;
    }
    return KINDS.getOrDefault(k, k);
  }

  // ---- page ----------------------------------------------------------------------------------------

  private static Long total(Document doc, boolean noResults) {
    Element md = doc.selectFirst("#gs_ab_md");
    if (md != null) {
      String text = PARENTHESES.matcher(md.text().replace('\u00a0', ' ')).replaceAll(" ");
      Long max = null;
      Matcher m = NUMBER.matcher(text);
      while (m.find()) {
        long v = Long.parseLong(m.group().replaceAll("\\D", ""));
        max = max == null ? v : Math.max(max, v);
      }
      if (max != null) {
        return max;
      }
    }
    if (noResults && doc.selectFirst("#gs_res_ccl_mid, #gs_res_ccl, #gs_ccl_results, #gs_ccl") != null) {
      return 0L; // the result list was drawn, and it is empty: nothing matched
    }
    return null;
  }

  private static String nextUrl(Document doc) {
    Element next = doc.selectFirst("a:has(.gs_ico_nav_next)");
    if (next == null) {
      next = doc.selectFirst("#gs_n td[align=left] a[href]");
    }
    if (next != null) {
      return href(next);
    }
    Element button = doc.selectFirst("#gs_nm button.gs_btnPR[onclick]:not([disabled])");
    if (button != null) {
      Matcher m = LOCATION.matcher(button.attr("onclick"));
      if (m.find()) {
        String rel = m.group(1).replace("\\x3d", "=").replace("\\x26", "&");
        try {
          return doc.location().isEmpty() ? rel : java.net.URI.create(doc.location()).resolve(rel).toString();
        } catch (IllegalArgumentException e) {
          return rel;
        }
      }
    }
    return null;
  }

  private static String citesOfPage(Document doc, String url) {
    String c = url == null ? null : param(url, "cites");
    if (c != null) {
      return c;
    }
    Element input = doc.selectFirst("form input[name=cites]");
    if (input != null) {
      return input.attr("value").strip();
    }
    Element glb = doc.selectFirst("#gs_res_glb[data-sva]");
    if (glb != null) {
      String sva = glb.attr("data-sva");
      String cont = param(sva, "continue");
      if (cont != null && (c = param(cont, "cites")) != null) {
        return c;
      }
    }
    return doc.selectFirst("#gs_scipsc") != null ? "" : null;
  }

  // ---- small helpers -------------------------------------------------------------------------------

  private static String href(Element a) {
    String abs = a.absUrl("href");
    return abs.isEmpty() ? a.attr("href") : abs;
  }

  /** A query parameter of a URL or relative link, decoded; null when absent or empty. */
  static String param(String href, String name) {
    int q = href.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = href.indexOf('#', q);
    String query = href.substring(q + 1, hash < 0 ? href.length() : hash);
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (k.equals(name) && eq >= 0) {
        String v;
        try {
          v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          v = pair.substring(eq + 1);
        }
        return v.isBlank() ? null : v.strip();
      }
    }
    return null;
  }

  /** The first number in a label, thousands separators of any locale dropped, or null. */
  static Integer number(String label) {
    if (label == null) {
      return null;
    }
    Matcher m = NUMBER.matcher(label.replace('\u00a0', ' '));
    if (!m.find()) {
      return null;
    }
    String digits = m.group().replaceAll("\\D", "");
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
