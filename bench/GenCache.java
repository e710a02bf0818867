// Generates a synthetic papers cache for the benchmarks, written through the tool's own model and
// serializer (dev.papers.model.Paper, PaperCache.serialize), so the files are exactly what papers writes.
//
//   java -cp target/papers.jar bench/GenCache.java --papers 100000 --out /tmp/cache [options]
//
// Options:
//   --papers N        how many papers (default 1000)
//   --out DIR         the cache directory to write (papers/arxiv/*.json); must be empty or absent
//   --now ISO         "now" for the newest observation (default 2026-12-01T00:00:00Z)
//   --history K       at most K Semantic Scholar observations per paper, one a week back from --s2-age
//                     (default 12; each paper gets 1..K, and every third one also a count 13 months old)
//   --s2-age DAYS     age of each paper's newest Semantic Scholar count (default 1: fresh)
//   --arxiv-age DAYS  age of each paper's arXiv metadata (default 1: fresh)
//   --topic NAME      tag every paper with this topic (default: none)
//   --jsonl FILE      also write every record, compact, one per line, with a top-level "count"
//                     (its current Semantic Scholar count), for jq
//   --minimal FILE    also write a minimal record per line: {"id", "title", "count"} (the count as above)
//   --seed S          random seed (default 42): the same arguments give the same cache
//
// Not a test and not shipped in the jar: a bench tool, run with Java's single-file source launcher.

import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.Citation;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

public class GenCache {
  static final String[] WORDS = ("attention transformer distillation knowledge student teacher contrastive "
      + "representation learning pretraining language model vision efficient sparse linear quadratic memory "
      + "compression quantization pruning layer token embedding benchmark dataset objective loss gradient "
      + "optimization scaling inference latency accuracy robust generalization supervised self unsupervised "
      + "semantic retrieval encoder decoder convolutional recurrent graph neural network diffusion policy "
      + "reinforcement agent reward sample complexity theory empirical analysis framework method approach "
      + "results show propose novel state art outperform baseline significant improvement across tasks").split(" ");
  static final String[] FIRST = ("Wei Jing Ashish Noam Geoffrey Oriol Yoshua Yann Fei Kaiming Ross Piotr "
      + "Jacob Ming Kenton Kristina Victor Lysandre Julien Thomas Xiaoqi Yichun Lifeng Xin Zhiqing Hongkun "
      + "Mingxing Quoc Andrew Tianyu Danqi Ting Simon Mohammad Aurora José Zoë Łukasz").split(" ");
  static final String[] LAST = ("Wang Li Zhang Liu Chen Vaswani Shazeer Hinton Vinyals Dean Bengio LeCun "
      + "He Girshick Dollar Devlin Chang Lee Toutanova Sanh Debut Chaumond Wolf Jiao Yin Shang Jiang Sun Tan "
      + "Le Howard Gao Yao Kornblith Norouzi Ramírez Romero Kaiser").split(" ");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: GenCache --papers N --out DIR [--option value]...");
      }
      o.put(args[i].substring(2), args[++i]);
    }
    int n = Integer.parseInt(o.getOrDefault("papers", "1000"));
    Path out = Path.of(o.getOrDefault("out", "bench/out/cache"));
    Instant now = Instant.parse(o.getOrDefault("now", "2026-12-01T00:00:00Z"));
    int maxHistory = Integer.parseInt(o.getOrDefault("history", "12"));
    long s2Age = Long.parseLong(o.getOrDefault("s2-age", "1"));
    long arxivAge = Long.parseLong(o.getOrDefault("arxiv-age", "1"));
    String topic = o.get("topic");
    Random rnd = new Random(Long.parseLong(o.getOrDefault("seed", "42")));

    Path dir = out.resolve("papers").resolve("arxiv");
    Files.createDirectories(dir);
    try (var existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new IllegalStateException(dir + " is not empty");
      }
    }
    PaperCache cache = new PaperCache(out, java.time.Clock.fixed(now, ZoneOffset.UTC));
    OutputStream jsonl = o.containsKey("jsonl")
        ? new BufferedOutputStream(Files.newOutputStream(Path.of(o.get("jsonl"))), 1 << 20) : null;
    OutputStream minimal = o.containsKey("minimal")
        ? new BufferedOutputStream(Files.newOutputStream(Path.of(o.get("minimal"))), 1 << 20) : null;

    List<String> months = new ArrayList<>();
    for (int y = 15; y <= 26; y++) {
      for (int m = 1; m <= (y == 26 ? 11 : 12); m++) {
        months.add(String.format("%02d%02d", y, m));
      }
    }
    Instant newest = now.minus(Duration.ofDays(s2Age));
    for (int i = 0; i < n; i++) {
      // Every month from 1501 to 2611 in turn, 5-digit numbers from 10000: distinct, valid ids.
      String yymm = months.get(i % months.size());
      String arxiv = yymm + "." + (10000 + i / months.size());
      LocalDate published = LocalDate.of(2000 + Integer.parseInt(yymm.substring(0, 2)),
          Integer.parseInt(yymm.substring(2)), 1 + rnd.nextInt(28));
      if (published.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(newest)) {
        published = LocalDate.ofInstant(newest, ZoneOffset.UTC).minusDays(30);
      }
      // A heavy-tailed count, growing week by week.
      int base = (int) Math.min(200_000, Math.exp(rnd.nextGaussian() * 1.8 + 3.5));
      int perWeek = Math.max(0, (int) (base / 150.0 * (0.5 + rnd.nextDouble())));
      int k = 1 + rnd.nextInt(Math.max(1, maxHistory));
      List<Observation> history = new ArrayList<>();
      if (i % 3 == 0) {
        history.add(new Observation("semanticScholar", Math.max(0, base - perWeek * 56),
            newest.minus(Duration.ofDays(395)), null, rnd.nextInt(1 + base / 20), null));
      }
      for (int w = k - 1; w >= 0; w--) {
        history.add(new Observation("semanticScholar", base - perWeek * w, newest.minus(Duration.ofDays(7L * w)),
            null, (base - perWeek * w) / 12, null));
      }
      Observation last = history.get(history.size() - 1);
      TreeMap<String, Citation> citations = new TreeMap<>();
      citations.put("semanticScholar", new Citation(last.count(), last.influential(), last.observedAt()));
      List<String> authors = new ArrayList<>();
      int na = 1 + rnd.nextInt(8);
      for (int a = 0; a < na; a++) {
        authors.add(FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)]);
      }
      String s2 = String.format("%040x", new java.math.BigInteger(160, rnd));
      long corpus = 1_000_000L + i;
      TreeMap<String, Instant> fetched = new TreeMap<>();
      fetched.put("arxiv", now.minus(Duration.ofDays(arxivAge)));
      fetched.put("semanticScholar", newest);
      Instant created = history.get(0).observedAt();
      Paper p = new Paper("arxiv:" + arxiv, arxiv, 1 + rnd.nextInt(3), i % 4 == 0 ? "10.1000/bench." + i : null,
          s2, null, corpus, sentence(rnd, 6 + rnd.nextInt(8), true), "arxiv", authors, sentence(rnd, 120 + rnd.nextInt(120), false),
          published, published.getYear(), i % 2 == 0 ? "Conference on Benchmarks" : null, null,
          "cs." + (i % 5 == 0 ? "CL" : i % 5 == 1 ? "CV" : "LG"), List.of("cs.LG", "cs.AI"), citations, history,
          new TreeMap<>(), topic == null ? List.of() : List.of(topic),
          i % 4 == 0 ? List.of("corpus:" + corpus, "doi:10.1000/bench." + i, "s2:" + s2)
              : List.of("corpus:" + corpus, "s2:" + s2),
          fetched, created, now.minus(Duration.ofDays(Math.min(s2Age, arxivAge))));
      Files.write(dir.resolve(arxiv + ".json"), cache.serialize(p));
      if (minimal != null) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("count", last.count());
        minimal.write(Json.mapper().writeValueAsBytes(m));
        minimal.write('\n');
      }
      if (jsonl != null) {
        ObjectNode node = (ObjectNode) Json.mapper().valueToTree(p);
        node.put("count", last.count());
        jsonl.write(Json.mapper().writeValueAsBytes(node));
        jsonl.write('\n');
      }
    }
    if (jsonl != null) {
      jsonl.close();
    }
    if (minimal != null) {
      minimal.close();
    }
    System.err.println("GenCache: " + n + " papers in " + dir);
  }

  static String sentence(Random rnd, int words, boolean title) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[rnd.nextInt(WORDS.length)];
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(title || w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      if (!title && w % 17 == 16) {
        b.append('.');
      }
    }
    return title ? b.toString() : b + ".";
  }
}
