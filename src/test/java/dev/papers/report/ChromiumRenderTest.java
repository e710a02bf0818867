package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as a browser shows them: headless Chromium renders the digest and the ranking, and the
 * rendered DOM has the charts and their titles, and a screenshot is not blank (the charts' colours are
 * in it). Skipped where no Chromium is installed; on CI (env {@code CI} set) that is a failure, since
 * {@code .ci/run} installs it.
 */
class ChromiumRenderTest {
  private static String chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    chromium = find();
    if (chromium == null) {
      if (System.getenv("CI") != null) {
        fail("no chromium on PATH: .ci/run installs it (apt-get install chromium); the browser test cannot be skipped on CI");
      }
      Assumptions.abort("no chromium on PATH (apt-get install chromium): browser test skipped");
    }
  }

  static String find() {
    String set = System.getenv("PAPERS_CHROMIUM");
    if (set != null && !set.isBlank()) {
      return set;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d.isEmpty() ? "." : d, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  @Test
  void theDigestRendersWithItsChartsAndTitlesAndLoadsNothing() throws Exception {
    Path page = dir.resolve("digest.html");
    Files.writeString(page, DigestFixtures.html(), StandardCharsets.UTF_8);
    Path png = dir.resolve("digest.png");
    Path net = dir.resolve("digest-net.json");
    Document dom = Jsoup.parse(run("--window-size=800,1400", "--screenshot=" + png, "--log-net-log=" + net,
        "--dump-dom", page.toUri().toString()));
    assertThat(dom.select("svg.chart")).hasSize(3);
    for (Element svg : dom.select("svg.chart")) {
      assertThat(svg.selectFirst("title").text()).startsWith("Citations of ");
      assertThat(svg.select("rect, polyline, circle")).isNotEmpty();
    }
    assertThat(dom.select("h1").text()).isEqualTo("Knowledge distillation: what is new since 2026-11-15");
    assertThat(dom.select("cite").eachText()).contains("Charted: bars and lines", "Single count");
    // what the page's text tried to inject did not become markup
    assertThat(dom.select("script, img, [onerror]")).isEmpty();
    assertNotBlank(png);
    assertNoRequestTo(net, hostsNamedIn(DigestFixtures.html()));
  }

  @Test
  void theRankingRendersWithItsChartsAndLoadsNothing() throws Exception {
    Path page = dir.resolve("rank.html");
    Files.writeString(page, DigestFixtures.rankHtml(), StandardCharsets.UTF_8);
    Path net = dir.resolve("rank-net.json");
    Document dom = Jsoup.parse(run("--log-net-log=" + net, "--dump-dom", page.toUri().toString()));
    assertThat(dom.select("svg.chart")).hasSize(3);
    assertThat(dom.select("svg.chart > title").eachText()).allMatch(t -> t.startsWith("Citations of "));
    assertThat(dom.select("article.paper")).hasSize(4);
    assertNoRequestTo(net, hostsNamedIn(DigestFixtures.rankHtml()));
  }

  /** The check above can fail: a page that does load an image from a host shows that host in the log. */
  @Test
  void theNetworkLogSeesAPageThatLoadsSomething() throws Exception {
    Path page = dir.resolve("loads.html");
    Files.writeString(page, "<!DOCTYPE html><p>x</p><img src=\"https://evil.example/pixel.png\">");
    Path net = dir.resolve("loads-net.json");
    run("--log-net-log=" + net, "--dump-dom", page.toUri().toString());
    assertThat(Files.readString(net)).contains("evil.example");
  }

  /** The hosts of every address a page names (its links, and any address in its text). */
  private static Set<String> hostsNamedIn(String html) {
    Set<String> hosts = new HashSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://([A-Za-z0-9.-]+)").matcher(html);
    while (m.find()) {
      hosts.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    hosts.remove("www.w3.org");
    assertThat(hosts).as("the page names addresses (links)").isNotEmpty();
    return hosts;
  }

  /** Chromium's network log names none of the hosts: the page asked nothing of them. */
  private static void assertNoRequestTo(Path netLog, Set<String> hosts) throws IOException {
    String log = Files.readString(netLog, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    assertThat(log).as("a network log was written").contains("\"events\"");
    for (String h : hosts) {
      assertThat(log).as("a request to " + h).doesNotContain("://" + h);
    }
  }

  /** Many colours, much ink, and the colour of Semantic Scholar's bars: a page that was drawn. */
  private static void assertNotBlank(Path png) throws IOException {
    assertThat(png).exists();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isGreaterThan(300);
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    long chartBlue = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          ink++;
        }
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (Math.abs(r - 0x25) < 12 && Math.abs(g - 0x63) < 12 && Math.abs(b - 0xeb) < 12) {
          chartBlue++;
        }
      }
    }
    long samples = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat(ink).as("pixels that are not white").isGreaterThan(samples / 50);
    assertThat(chartBlue).as("pixels of the charts' Semantic Scholar blue").isGreaterThan(200);
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
        "--user-data-dir=" + dir.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as("chromium: " + Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
