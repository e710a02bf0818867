// A stand-in for the upstream APIs papers talks to, for the benchmarks: Semantic Scholar's Graph API
// (POST /paper/batch, GET /paper/{id}), arXiv's query API (GET /api/query?id_list=...) and OpenAlex's works
// (GET /works?filter=doi:A|B|... or filter=openalex:W1|W2|..., GET /works/{W-id | doi:DOI}), answering in
// the real shapes (see ../shared/CONTRACT.md, "Requests", and ../shared/fixtures/real/openalex/), on
// loopback, fast, and counting the requests.
//
//   java -cp target/papers.jar bench/StandIn.java PORT [--cache DIR] [--counts FILE] [--port-file FILE]
//   java -cp target/papers.jar bench/StandIn.java --complete-aliases DIR
//
// PORT 0 takes a free port; the port is printed on stdout ("StandIn listening on 127.0.0.1:PORT") and
// written to --port-file. Point the tool at it with
//   PAPERS_S2_URL=http://127.0.0.1:PORT/graph/v1   PAPERS_ARXIV_URL=http://127.0.0.1:PORT/api/query
//   PAPERS_OPENALEX_URL=http://127.0.0.1:PORT/openalex
//
// OpenAlex, as the real API answers (recordings in ../shared/fixtures/real/openalex/): every paper is a
// preprint work (doi https://doi.org/10.48550/arxiv.<id>, an arXiv location, type "preprint"); a paper with
// a published DOI is also a second work (type "article", the journal's location, no arXiv link), as OpenAlex
// keeps the two apart. Each work has cited_by_count, counts_by_year (years without citations left out, the
// newest first), authorships, an abstract_inverted_index and referenced_works. Work ids are made from the
// paper's CorpusId: W41... for the preprint, W31... for the published version.
//
// --cache DIR  answer with what a cache (papers/arxiv/*.json, read once at start) holds: the same paperId,
//              CorpusId, DOI, title, authors, abstract, dates and version, and a Semantic Scholar count a
//              little above the cached one (what a real refresh a week later sees). Ids the cache does not
//              hold are unknown (null in a batch, absent from a feed). Without --cache every well-formed
//              id is known and everything is derived from the id (deterministic).
// --counts FILE  rewritten (atomically) as each request arrives, before it is answered:
//              {"s2.batch":20,"s2.paper":0,"arxiv.idlist":100,"arxiv.search":0,"openalex.list":200,
//               "openalex.single":0,"other":0,"ids.s2":10000,"ids.arxiv":10000,"ids.openalex":12500}
//              GET /__counts answers the same JSON.
//
// --complete-aliases DIR: writes the alias files (aliases/<scheme>/<name>, naming the entry) that the
// tool keeps for every alias of every paper in DIR/papers/arxiv and that bench/GenCache.java does not
// write, so that a generated cache looks like one the tool has written and refreshed before. Then exits.
//
// Not a test and not shipped in the jar: a bench tool, run with Java's single-file source launcher. The jar is
// on the class path for Jackson and for the tool's own file naming (dev.papers.cache.FileNames).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.papers.cache.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StandIn {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern NEW_ID = Pattern.compile("(\\d{4})\\.(\\d{4,5})(v\\d+)?");
  static final Pattern OLD_ID = Pattern.compile("([a-z-]+(\\.[A-Z]{2})?)/(\\d{7})(v\\d+)?");
  static final String[] KINDS = {"s2.batch", "s2.paper", "arxiv.idlist", "arxiv.search", "openalex.list",
      "openalex.single", "other", "ids.s2", "ids.arxiv", "ids.openalex"};
  static final String ARXIV_DOI = "10.48550/arxiv.";

  /** What the cache holds for one arXiv id (or what is derived from the id). */
  record Known(String arxivId, int version, String paperId, long corpusId, String doi, String title,
      List<String> authors, String abstractText, String published, Integer year, String venue,
      String primaryCategory, List<String> categories, int count) {}

  final Map<String, Known> known; // null: derive from the id
  // With --cache, every answer piece is made once at start, so that answering costs next to nothing.
  final Map<String, byte[]> s2Json = new HashMap<>();
  final Map<String, String> atomEntry = new HashMap<>();
  // OpenAlex: work id -> the work's JSON, and DOI (lower case) -> work id.
  final Map<String, byte[]> works = new HashMap<>();
  final Map<String, String> workByDoi = new HashMap<>();
  final Path countsFile;
  final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  final Object countsLock = new Object();

  StandIn(Map<String, Known> known, Path countsFile) throws IOException {
    this.known = known;
    this.countsFile = countsFile;
    for (String k : KINDS) {
      counts.put(k, new AtomicLong());
    }
    if (known != null) {
      for (Known k : known.values()) {
        s2Json.put(k.arxivId(), JSON.writeValueAsBytes(s2Paper(k)));
        atomEntry.put(k.arxivId(), entry(k));
        addWorks(k);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("usage: java -cp target/papers.jar bench/StandIn.java PORT [--cache DIR] [--counts FILE]"
          + " [--port-file FILE]\n       java -cp target/papers.jar bench/StandIn.java --complete-aliases DIR");
      return;
    }
    if (args[0].equals("--complete-aliases")) {
      if (args.length != 2) {
        throw new IllegalArgumentException("--complete-aliases DIR");
      }
      completeAliases(Path.of(args[1]));
      return;
    }
    int port = Integer.parseInt(args[0]);
    Path cache = null;
    Path countsFile = null;
    Path portFile = null;
    for (int i = 1; i < args.length; i++) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
      switch (args[i]) {
        case "--cache" -> cache = Path.of(args[++i]);
        case "--counts" -> countsFile = Path.of(args[++i]);
        case "--port-file" -> portFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Map<String, Known> known = cache == null ? null : index(cache);
    StandIn s = new StandIn(known, countsFile);
    s.writeCounts();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "standin");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", s::handle);
    server.start();
    int bound = server.getAddress().getPort();
    if (portFile != null) {
      Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
      Files.writeString(tmp, bound + "\n");
      Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println("StandIn listening on 127.0.0.1:" + bound
        + (known == null ? " (ids derived)" : " (" + known.size() + " papers from " + cache + ")"));
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    Thread.currentThread().join();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The cache: read once

  static Map<String, Known> index(Path cache) throws IOException {
    Path dir = cache.resolve("papers").resolve("arxiv");
    Map<String, Known> out = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        JsonNode n = JSON.readTree(f.toFile());
        String arxiv = text(n, "arxivId");
        if (arxiv == null) {
          continue;
        }
        List<String> authors = new ArrayList<>();
        n.path("authors").forEach(a -> authors.add(a.asText()));
        List<String> cats = new ArrayList<>();
        n.path("categories").forEach(a -> cats.add(a.asText()));
        JsonNode s2 = n.path("citations").path("semanticScholar");
        int count = s2.path("count").isNumber() ? s2.path("count").asInt() : 0;
        Known k = new Known(arxiv, n.path("arxivVersion").asInt(1),
            text(n, "s2Id") != null ? text(n, "s2Id") : hex("paper:" + arxiv),
            n.path("corpusId").isNumber() ? n.path("corpusId").asLong() : corpus(arxiv), text(n, "doi"),
            text(n, "title"), authors, text(n, "abstract"), text(n, "published"),
            n.path("year").isNumber() ? n.path("year").asInt() : null, text(n, "venue"),
            text(n, "primaryCategory"), cats, count);
        out.put(arxiv, k);
      }
    }
    return out;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The record for an arXiv id (no version): from the cache, or derived from the id; null when unknown. */
  Known lookup(String arxiv) {
    if (known != null) {
      return known.get(arxiv);
    }
    int h = Math.floorMod(arxiv.hashCode(), 1_000_003);
    Matcher m = NEW_ID.matcher(arxiv);
    int year = m.matches() ? 2000 + Integer.parseInt(m.group(1).substring(0, 2)) : 2005;
    int month = m.matches() ? Math.max(1, Math.min(12, Integer.parseInt(m.group(1).substring(2)))) : 6;
    String published = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, 1 + h % 28);
    return new Known(arxiv, 1 + h % 3, hex("paper:" + arxiv), corpus(arxiv), null,
        "Stand-in paper " + arxiv, List.of("Ada Lovelace", "Alan Turing"),
        "A paper the stand-in made up for " + arxiv + ".", published, year, null, "cs.LG",
        List.of("cs.LG"), h % 5000);
  }

  /** The Semantic Scholar count a week later: a little above the cached one, the same on every run. */
  static int newCount(Known k) {
    return k.count() + 1 + Math.floorMod(k.arxivId().hashCode(), 25);
  }

  static long corpus(String arxiv) {
    return 500_000_000L + Math.floorMod(arxiv.hashCode(), 100_000_000);
  }

  static String hex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (byte x : d) {
        b.append(String.format("%02x", x & 0xff));
      }
      return b.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An arXiv id as asked ("1501.10000", "1501.10000v2", "hep-th/9901001") without its version; null if none. */
  static String arxivId(String s) {
    String t = s.strip();
    Matcher m = NEW_ID.matcher(t);
    if (m.matches()) {
      return m.group(1) + "." + m.group(2);
    }
    m = OLD_ID.matcher(t);
    if (m.matches()) {
      return m.group(1).replaceAll("\\..*$", "") + "/" + m.group(3);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // HTTP

  void handle(HttpExchange x) throws IOException {
    try (x) {
      URI uri = x.getRequestURI();
      String path = uri.getPath();
      String method = x.getRequestMethod();
      Map<String, String> q = query(uri.getRawQuery());
      byte[] in;
      try (InputStream is = x.getRequestBody()) {
        in = is.readAllBytes();
      }
      if (path.equals("/__counts")) {
        send(x, 200, "application/json", countsJson());
        return;
      }
      if (path.endsWith("/paper/batch") && method.equals("POST")) {
        JsonNode body = JSON.readTree(in);
        JsonNode ids = body == null ? null : body.get("ids");
        if (ids == null || !ids.isArray()) {
          count("s2.batch", 0);
          send(x, 400, "application/json", "{\"error\":\"Body must contain ids\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        count("s2.batch", ids.size());
        if (ids.size() > 500) {
          send(x, 400, "application/json",
              "{\"error\":\"Cannot process more than 500 ids\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(ids.size() * 2048 + 2);
        out.write('[');
        boolean first = true;
        for (JsonNode id : ids) {
          if (!first) {
            out.write(',');
          }
          first = false;
          Known k = s2Lookup(id.asText());
          out.write(k == null ? "null".getBytes(StandardCharsets.UTF_8) : s2Bytes(k));
        }
        out.write(']');
        send(x, 200, "application/json", out.toByteArray());
        return;
      }
      int p = path.indexOf("/paper/");
      if (p >= 0 && method.equals("GET") && !path.contains("/search")) {
        count("s2.paper", 1);
        String id = URLDecoder.decode(path.substring(p + "/paper/".length()), StandardCharsets.UTF_8);
        Known k = id.endsWith("/citations") ? null : s2Lookup(id);
        if (k == null) {
          send(x, 404, "application/json", ("{\"error\":\"Paper with id " + id.replace("\"", "")
              + " not found\"}").getBytes(StandardCharsets.UTF_8));
        } else {
          send(x, 200, "application/json", s2Bytes(k));
        }
        return;
      }
      if (path.endsWith("/api/query") && method.equals("GET")) {
        if (q.containsKey("id_list") && !q.get("id_list").isBlank()) {
          String[] ids = q.get("id_list").split(",");
          count("arxiv.idlist", ids.length);
          int max = intOr(q.get("max_results"), 10);
          send(x, 200, "application/atom+xml; charset=utf-8", feed(ids, max, uri.getRawQuery()));
        } else {
          count("arxiv.search", 0);
          send(x, 200, "application/atom+xml; charset=utf-8", feed(new String[0], 0, uri.getRawQuery()));
        }
        return;
      }
      int w = path.indexOf("/works");
      if (w >= 0 && method.equals("GET")) {
        String rest = path.substring(w + "/works".length());
        if (rest.isEmpty() || rest.equals("/")) {
          openAlexList(x, q);
        } else {
          openAlexSingle(x, URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8));
        }
        return;
      }
      count("other", 0);
      send(x, 404, "text/plain", ("stand-in: nothing at " + method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    }
  }

  /** An id as Semantic Scholar is asked ("ARXIV:1501.10000", "CorpusId:1", a paperId, "DOI:..."). */
  Known s2Lookup(String wire) {
    if (wire.regionMatches(true, 0, "ARXIV:", 0, 6)) {
      String a = arxivId(wire.substring(6));
      return a == null ? null : lookup(a);
    }
    if (known != null) {
      for (Known k : known.values()) { // rare: only ids without an arXiv id come here
        if (wire.equalsIgnoreCase(k.paperId()) || wire.equalsIgnoreCase("CorpusId:" + k.corpusId())
            || k.doi() != null && wire.equalsIgnoreCase("DOI:" + k.doi())) {
          return k;
        }
      }
    }
    return null;
  }

  byte[] s2Bytes(Known k) throws IOException {
    byte[] b = s2Json.get(k.arxivId());
    return b != null ? b : JSON.writeValueAsBytes(s2Paper(k));
  }

  static ObjectNode s2Paper(Known k) {
    ObjectNode p = JSON.createObjectNode();
    p.put("paperId", k.paperId());
    ObjectNode ext = p.putObject("externalIds");
    ext.put("ArXiv", k.arxivId());
    if (k.doi() != null) {
      ext.put("DOI", k.doi());
    }
    ext.put("CorpusId", k.corpusId());
    p.put("corpusId", k.corpusId());
    p.put("url", "https://www.semanticscholar.org/paper/" + k.paperId());
    p.put("title", k.title());
    p.put("abstract", k.abstractText());
    p.put("venue", k.venue() == null ? "" : k.venue());
    if (k.year() == null) {
      p.putNull("year");
    } else {
      p.put("year", k.year());
    }
    p.put("publicationDate", k.published());
    ArrayNode authors = p.putArray("authors");
    int i = 0;
    for (String a : k.authors()) {
      ObjectNode o = authors.addObject();
      o.put("authorId", Long.toString(1000L + (k.corpusId() % 100_000) * 10 + i++));
      o.put("name", a);
    }
    int c = newCount(k);
    p.put("citationCount", c);
    p.put("influentialCitationCount", c / 12);
    p.putNull("journal");
    return p;
  }

  byte[] feed(String[] ids, int max, String rawQuery) {
    StringBuilder b = new StringBuilder(4096 + ids.length * 2048);
    String q = xml(rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8));
    List<Known> entries = new ArrayList<>();
    for (String id : ids) {
      String a = arxivId(id);
      Known k = a == null ? null : lookup(a);
      if (k != null && entries.size() < max) {
        entries.add(k);
      }
    }
    b.append("<?xml version='1.0' encoding='UTF-8'?>\n")
        .append("<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" ")
        .append("xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <id>https://arxiv.org/api/standin</id>\n")
        .append("  <title>arXiv Query: ").append(q).append("</title>\n")
        .append("  <updated>2026-12-01T00:00:00Z</updated>\n")
        .append("  <link href=\"https://arxiv.org/api/query?").append(q)
        .append("\" type=\"application/atom+xml\"/>\n")
        .append("  <opensearch:itemsPerPage>").append(max).append("</opensearch:itemsPerPage>\n")
        .append("  <opensearch:totalResults>").append(entries.size()).append("</opensearch:totalResults>\n")
        .append("  <opensearch:startIndex>0</opensearch:startIndex>\n");
    for (Known k : entries) {
      String e = atomEntry.get(k.arxivId());
      b.append(e != null ? e : entry(k));
    }
    b.append("</feed>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One Atom entry, as arXiv writes it (categories: the primary one first, as arXiv lists them). */
  static String entry(Known k) {
    StringBuilder b = new StringBuilder(2048);
    String v = k.arxivId() + "v" + k.version();
    String published = k.published() == null ? "2020-01-01" : k.published();
    String primary = k.primaryCategory() == null ? "cs.LG" : k.primaryCategory();
    List<String> cats = new ArrayList<>();
    cats.add(primary);
    for (String c : k.categories()) {
      if (!cats.contains(c)) {
        cats.add(c);
      }
    }
    b.append("  <entry>\n")
        .append("    <id>http://arxiv.org/abs/").append(v).append("</id>\n")
        .append("    <title>").append(xml(k.title() == null ? "" : k.title())).append("</title>\n")
        .append("    <updated>").append(published).append("T12:00:00Z</updated>\n")
        .append("    <link href=\"https://arxiv.org/abs/").append(v)
        .append("\" rel=\"alternate\" type=\"text/html\"/>\n")
        .append("    <link href=\"https://arxiv.org/pdf/").append(v)
        .append("\" rel=\"related\" type=\"application/pdf\" title=\"pdf\"/>\n")
        .append("    <summary>").append(xml(k.abstractText() == null ? "" : k.abstractText())).append("</summary>\n");
    for (String c : cats) {
      b.append("    <category term=\"").append(xml(c)).append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
    }
    b.append("    <published>").append(published).append("T12:00:00Z</published>\n");
    if (k.doi() != null) {
      b.append("    <arxiv:doi>").append(xml(k.doi())).append("</arxiv:doi>\n");
    }
    b.append("    <arxiv:primary_category term=\"").append(xml(primary)).append("\"/>\n");
    for (String a : k.authors()) {
      b.append("    <author>\n      <name>").append(xml(a)).append("</name>\n    </author>\n");
    }
    return b.append("  </entry>\n").toString();
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null) {
      return q;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }

  static int intOr(String s, int dflt) {
    try {
      return s == null ? dflt : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream os = x.getResponseBody()) {
        os.write(body);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // OpenAlex

  /** The work ids of a paper: its preprint, and its published version when it has a DOI. */
  static String preprintWork(Known k) {
    return "W" + (4_100_000_000L + k.corpusId() % 1_000_000_000L);
  }

  static String publishedWork(Known k) {
    return "W" + (3_100_000_000L + k.corpusId() % 1_000_000_000L);
  }

  /** OpenAlex's count: its own, near Semantic Scholar's (the published version of every other paper more). */
  static int openAlexCount(Known k, boolean published) {
    int c = newCount(k);
    int h = Math.floorMod(k.arxivId().hashCode(), 7);
    return published ? (h % 2 == 0 ? c + 3 + h : Math.max(0, c / 2 - h)) : c + h;
  }

  void addWorks(Known k) throws IOException {
    String pre = preprintWork(k);
    works.put(pre, JSON.writeValueAsBytes(work(k, false)));
    workByDoi.put(ARXIV_DOI + k.arxivId().toLowerCase(Locale.ROOT), pre);
    if (k.doi() != null) {
      String pub = publishedWork(k);
      works.put(pub, JSON.writeValueAsBytes(work(k, true)));
      workByDoi.put(k.doi().toLowerCase(Locale.ROOT), pub);
    }
  }

  /** A work as OpenAlex writes it (the fields the recordings show, the ones papers reads among them). */
  static ObjectNode work(Known k, boolean published) {
    String id = published ? publishedWork(k) : preprintWork(k);
    String doi = published ? k.doi() : ARXIV_DOI + k.arxivId().toLowerCase(Locale.ROOT);
    ObjectNode w = JSON.createObjectNode();
    w.put("id", "https://openalex.org/" + id);
    w.put("doi", "https://doi.org/" + doi);
    w.put("title", k.title());
    w.put("display_name", k.title());
    int year = k.year() == null ? 2020 : k.year();
    w.put("publication_year", year);
    w.put("publication_date", k.published() == null ? year + "-01-01" : k.published());
    ObjectNode ids = w.putObject("ids");
    ids.put("openalex", "https://openalex.org/" + id);
    ids.put("doi", "https://doi.org/" + doi);
    w.put("language", "en");
    ObjectNode loc = JSON.createObjectNode();
    if (published) {
      loc.put("id", "doi:" + doi);
      loc.put("is_oa", false);
      loc.put("landing_page_url", "https://doi.org/" + doi);
      loc.putNull("pdf_url");
      ObjectNode src = loc.putObject("source");
      src.put("id", "https://openalex.org/S4200000001");
      src.put("display_name", k.venue() == null ? "Journal of Benchmarks" : k.venue());
      src.put("type", "journal");
      loc.put("version", "publishedVersion");
      loc.put("is_published", true);
    } else {
      loc.put("id", "pmh:oai:arXiv.org:" + k.arxivId());
      loc.put("is_oa", true);
      loc.put("landing_page_url", "http://arxiv.org/abs/" + k.arxivId());
      loc.put("pdf_url", "https://arxiv.org/pdf/" + k.arxivId());
      ObjectNode src = loc.putObject("source");
      src.put("id", "https://openalex.org/S4306400194");
      src.put("display_name", "arXiv (Cornell University)");
      src.put("type", "repository");
      loc.put("version", "submittedVersion");
      loc.put("is_published", false);
    }
    w.set("primary_location", loc);
    w.putArray("locations").add(loc.deepCopy());
    w.put("type", published ? "article" : "preprint");
    w.putArray("indexed_in").add(published ? "crossref" : "arxiv");
    ArrayNode authorships = w.putArray("authorships");
    int i = 0;
    for (String a : k.authors()) {
      ObjectNode as = authorships.addObject();
      as.put("author_position", i == 0 ? "first" : i == k.authors().size() - 1 ? "last" : "middle");
      ObjectNode au = as.putObject("author");
      au.put("id", "https://openalex.org/A" + (5_000_000_000L + (k.corpusId() % 100_000) * 10 + i));
      au.put("display_name", a);
      au.putNull("orcid");
      as.putArray("institutions");
      as.put("raw_author_name", a);
      i++;
    }
    int count = openAlexCount(k, published);
    w.put("cited_by_count", count);
    ArrayNode refs = w.putArray("referenced_works");
    for (int r = 1; r <= 3; r++) {
      refs.add("https://openalex.org/W" + (2_000_000_000L + Math.floorMod((k.arxivId() + r).hashCode(), 900_000_000)));
    }
    w.set("abstract_inverted_index", invertedIndex(k.abstractText()));
    // counts_by_year: the newest year first, years without citations left out, summing to the count.
    ArrayNode cby = w.putArray("counts_by_year");
    int first = Math.max(year, 2012);
    int left = count;
    for (int y = 2026; y >= first && left > 0; y--) {
      int c = y == first ? left : left / 3;
      if (c > 0) {
        ObjectNode e = cby.addObject();
        e.put("year", y);
        e.put("cited_by_count", c);
      }
      left -= c;
    }
    w.put("updated_date", "2026-11-28T06:12:44.000000");
    w.put("created_date", "2016-06-24T00:00:00");
    return w;
  }

  static ObjectNode invertedIndex(String text) {
    ObjectNode idx = JSON.createObjectNode();
    if (text == null) {
      return idx;
    }
    String[] words = text.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (words[i].isEmpty()) {
        continue;
      }
      JsonNode at = idx.get(words[i]);
      (at == null ? idx.putArray(words[i]) : (ArrayNode) at).add(i);
    }
    return idx;
  }

  /** GET /works?filter=doi:A|B|... (or openalex:W1|W2|...)&per-page=N: a list answer, cursor or page paging. */
  void openAlexList(HttpExchange x, Map<String, String> q) throws IOException {
    String filter = q.getOrDefault("filter", "");
    int colon = filter.indexOf(':');
    String field = colon < 0 ? "" : filter.substring(0, colon);
    String[] values = colon < 0 ? new String[0] : filter.substring(colon + 1).split("\\|");
    count("openalex.list", values.length);
    if (!field.equals("doi") && !field.equals("openalex") && !field.equals("ids.openalex")) {
      send(x, 400, "application/json", ("{\"error\":\"Invalid query parameters error.\",\"message\":\""
          + field.replace("\"", "") + " is not a valid field.\"}\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (values.length > 100) {
      send(x, 400, "application/json", ("{\"error\":\"Invalid query parameters error.\",\"message\":\""
          + "Maximum of 100 values in an OR filter.\"}\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    int perPage = Math.max(1, Math.min(200, intOr(q.getOrDefault("per-page", q.get("per_page")), 25)));
    java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
    for (String v : values) {
      String id = field.equals("doi") ? workByDoi.get(bareDoi(v)) : workId(v);
      if (id != null && works.containsKey(id)) {
        found.add(id);
      }
    }
    List<String> page = new ArrayList<>(found).subList(0, Math.min(found.size(), perPage));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(page.size() * 4096 + 256);
    String cursor = q.get("cursor");
    boolean first = cursor == null || cursor.equals("*");
    out.write(("{\"meta\":{\"count\":" + found.size() + ",\"db_response_time_ms\":12,\"page\":"
        + (cursor != null ? "null" : "1") + ",\"per_page\":" + perPage
        + (cursor != null ? ",\"next_cursor\":" + (first && !page.isEmpty() ? "\"IlsnLUluZmluaXR5JywgMF0i\"" : "null") : "")
        + ",\"groups_count\":null},\"results\":[").getBytes(StandardCharsets.UTF_8));
    if (first) {
      for (int i = 0; i < page.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(works.get(page.get(i)));
      }
    }
    out.write("],\"group_by\":[]}".getBytes(StandardCharsets.UTF_8));
    send(x, 200, "application/json", out.toByteArray());
  }

  /** GET /works/W123 or /works/doi:10.x/y (or /works/https://doi.org/...): one work, or 404 (HTML, as OpenAlex). */
  void openAlexSingle(HttpExchange x, String what) throws IOException {
    count("openalex.single", 1);
    String id = what.regionMatches(true, 0, "doi:", 0, 4) || what.contains("doi.org/") || what.startsWith("10.")
        ? workByDoi.get(bareDoi(what)) : workId(what);
    byte[] body = id == null ? null : works.get(id);
    if (body == null) {
      send(x, 404, "text/html; charset=utf-8", ("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
          + "<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n")
          .getBytes(StandardCharsets.UTF_8));
    } else {
      send(x, 200, "application/json", body);
    }
  }

  /** "10.x/y" from "10.x/y", "doi:10.x/y" or "https://doi.org/10.x/y", lower case. */
  static String bareDoi(String v) {
    return v.strip().replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", "").toLowerCase(Locale.ROOT);
  }

  static final Pattern WORK = Pattern.compile("(?i)^(?:https?://(?:www\\.)?openalex\\.org/|openalex:)?(W\\d+)$");

  /** "W123" from "W123", "https://openalex.org/W123" or "openalex:W123"; null otherwise. */
  static String workId(String v) {
    Matcher m = WORK.matcher(v.strip());
    return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Counting

  /** Counts one request (and the ids it names), and rewrites the counts file before the answer goes out. */
  void count(String kind, int ids) throws IOException {
    synchronized (countsLock) {
      counts.get(kind).incrementAndGet();
      if (kind.startsWith("s2.")) {
        counts.get("ids.s2").addAndGet(ids);
      } else if (kind.startsWith("arxiv.")) {
        counts.get("ids.arxiv").addAndGet(ids);
      } else if (kind.startsWith("openalex.")) {
        counts.get("ids.openalex").addAndGet(ids);
      }
      writeCounts();
    }
  }

  byte[] countsJson() {
    StringBuilder b = new StringBuilder("{");
    for (String k : KINDS) {
      b.append(b.length() == 1 ? "" : ",").append('"').append(k).append("\":").append(counts.get(k).get());
    }
    return b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  void writeCounts() throws IOException {
    if (countsFile == null) {
      return;
    }
    Path tmp = countsFile.resolveSibling(countsFile.getFileName() + ".tmp");
    Files.write(tmp, countsJson());
    Files.move(tmp, countsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---------------------------------------------------------------------------------------------------------
  // --complete-aliases

  static void completeAliases(Path cache) throws IOException {
    Path dir = cache.resolve("papers").resolve("arxiv");
    int written = 0;
    int papers = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        JsonNode n = JSON.readTree(f.toFile());
        String id = text(n, "id");
        if (id == null) {
          continue;
        }
        papers++;
        for (JsonNode a : n.path("aliases")) {
          String key = a.asText();
          Path file = cache.resolve("aliases").resolve(FileNames.scheme(key)).resolve(FileNames.name(key));
          if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            written++;
          }
        }
      }
    }
    System.err.println("StandIn: " + written + " alias files written for " + papers + " papers in " + cache);
  }
}
