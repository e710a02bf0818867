package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.model.InvalidIdException;
import dev.papers.model.PaperId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz of the identifier parser: mutations of every identifier form of the contract (and
 * random text). The parser never fails any other way than refusing the input; an id it accepts prints
 * as an id it accepts back; and {@code fetch} of an input it refuses (or of an arXiv id numbered after
 * now) exits 2 with one line, no stack trace, and nothing sent. {@code -Dpapers.reliability.fuzz=N}
 * sets the number of inputs, {@code -Dpapers.reliability.seed=S} replays a run.
 */
@Tag("reliability")
@WireMockTest
class IdFuzzTest {
  static final long SEED = Long.getLong("papers.reliability.seed", 18L);
  static final int INPUTS = Integer.getInteger("papers.reliability.fuzz", 20_000);
  /** How many of the refused inputs also go through the whole command line. */
  static final int THROUGH_THE_CLI = Math.max(300, INPUTS / 40);

  static final List<String> FORMS = List.of("1909.10351", "1909.10351v2", "arXiv:1909.10351", "0704.0001",
      "1412.9999", "1501.00001", "hep-th/9901001", "hep-th/9901001v3", "math.GT/0309136",
      "https://arxiv.org/abs/1909.10351", "https://arxiv.org/pdf/1909.10351v1", "http://export.arxiv.org/pdf/2104.08821.pdf",
      "http://xxx.itp.ac.cn/abs/2002.05715", "10.48550/arXiv.1909.10351", "10.1145/1541880.1541882",
      "doi:10.1145/1541880.1541882", "https://doi.org/10.1145/1541880.1541882",
      "https://huggingface.co/papers/1909.10351", "https://www.alphaxiv.org/abs/1909.10351",
      "649def34f8be52c8b66281af98ae884c09aef38b", "CorpusId:215416146",
      "https://www.semanticscholar.org/paper/Attention-Is-All-You-Need/204e3073870fae3d05bcbc2f6a8e263d9b72e776",
      "ACL:N19-1423", "https://aclanthology.org/N19-1423/", "https://dl.acm.org/doi/10.1145/3383583.3398584",
      "https://www.biorxiv.org/content/10.1101/622803v1.full.pdf", "W2741809807", "openalex:W2741809807",
      "https://openalex.org/W2741809807", "scholar:15570691018430890829", "8909.10351", "2701.00001");
  static final String ALPHABET = "0123456789.:/-_vV xXaAbBwW%?#&=+@\\\"'`~!$^*()[]{}<>|;,\t\n\r\u0000\u001b\u0007"
      + "\u0085\u009b\u00a0\u200b\u202e\u2028\u00e9\u4e2d\ud83d\ude00";

  @TempDir Path home;

  static String mutate(Random r, String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int op = r.nextInt(9);
      int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
      char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      switch (op) {
        case 0, 1 -> b.insert(at, c);
        case 2, 3 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        case 4, 5 -> {
          if (at < b.length()) {
            b.setCharAt(at, c);
          }
        }
        case 6 -> b.setLength(Math.min(b.length(), at));
        case 7 -> b.append(b.substring(0, Math.min(b.length(), at)));
        default -> {
          if (at < b.length() && Character.isDigit(b.charAt(at))) {
            b.setCharAt(at, (char) ('0' + r.nextInt(10)));
          }
        }
      }
    }
    if (r.nextInt(50) == 0) {
      b.append("9".repeat(r.nextInt(3000)));
    }
    return b.toString();
  }

  static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Test
  void refusedInputsExitTwoWithOneLineAndSendNothing(WireMockRuntimeInfo wm) {
    Random r = new Random(SEED);
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    int accepted = 0;
    List<String> refused = new ArrayList<>();
    // What the fuzz once found (a URL with an empty path threw StringIndexOutOfBoundsException), kept.
    for (String in : List.of("https://openalex.org/", "https://api.openalex.org/works/", "https://doi.org/",
        "https://arxiv.org/abs/", "http://x/")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaperId.parse(in)).as(in)
          .isInstanceOf(InvalidIdException.class);
    }
    for (int i = 0; i < INPUTS; i++) {
      String in = r.nextInt(10) == 0 ? random(r) : mutate(r, FORMS.get(r.nextInt(FORMS.size())));
      PaperId id;
      try {
        id = PaperId.parse(in);
      } catch (InvalidIdException e) {
        assertThat(e.getMessage()).as(in).startsWith("not a paper identifier: ").doesNotContain("\n", "\r", "\u001b");
        refused.add(in);
        continue;
      }
      // Every id the tool prints is accepted back, as the same paper.
      assertThat(PaperId.parse(id.display()).withoutVersion()).as(in).isEqualTo(id.withoutVersion());
      try {
        id.notAfter(now, in);
        accepted++;
      } catch (InvalidIdException e) {
        refused.add(in);
      }
    }

    CliHarness cli = CliHarness.on(home, wm);
    cli.env.put("PAPERS_NOW", now.toString());
    int step = Math.max(1, refused.size() / THROUGH_THE_CLI);
    int cliRuns = 0;
    for (int i = 0; i < refused.size(); i += step) {
      String in = refused.get(i);
      CliHarness.Run run = cli.run("fetch", "--", in);
      cliRuns++;
      String what = InvalidIdException.quote(in) + ": " + run.err();
      assertThat(run.code()).as(what).isEqualTo(2);
      assertThat(run.err().lines().count()).as(what).isEqualTo(1);
      assertThat(run.err()).as(what).startsWith("papers: ").doesNotContain("Exception", "\tat ", "\u001b");
      assertThat(run.out()).as(what).isEmpty();
    }
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).as("nothing is sent for a refused id").isEmpty();
    assertThat(refused.size()).as("the fuzz refuses most of what it makes").isGreaterThan(INPUTS / 2);
    System.out.println("[reliability] id fuzz (seed " + SEED + "): " + INPUTS + " inputs, " + refused.size()
        + " refused, " + accepted + " accepted and printed back; " + cliRuns + " refused inputs through fetch: exit 2,"
        + " one line, nothing sent");
  }
}
