package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.Main;
import dev.papers.testing.ChildJvm;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, defect 2: {@code import} read a whole document into memory, several times over, and ended in
 * {@code OutOfMemoryError} on large files. Documents are now read in pieces: a text several times the
 * heap imports, and a binary is refused from its first bytes.
 */
class ImportMemoryTest {
  @TempDir Path dir;

  int run(List<String> args, String name) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("import", "--offline"));
    all.addAll(args);
    ProcessBuilder pb = ChildJvm.builder(Main.class, all, Map.of("PAPERS_CACHE", dir.resolve("cache").toString(),
        "PAPERS_CONFIG", "/dev/null", "PAPERS_NOW", "2026-11-22T00:00:00Z"), dir, name);
    pb.command().add(1, "-Xmx32m");
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return p.exitValue();
  }

  @Test
  void aTextFourTimesTheHeapImportsInPiecesAndABinaryIsRefusedEarly() throws Exception {
    Path text = dir.resolve("big.md");
    long size = 0;
    try (BufferedWriter w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
      for (int i = 0; size < 8L << 20; i++) {
        String block = """
            ## 论文阅读笔记 %d
            英文题目:A Paper Title Stated In The Note Number %d
            论文地址:https://arxiv.org/abs/1909.%05d
            一些没有标识符的正文，日期 2020.12.31，价格 $19.99，版本 v1.2.3。Plain prose without any identifier.
            """.formatted(i, i % 50, i % 50 + 10000);
        w.write(block);
        size += block.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    assertThat(run(List.of(text.toString()), "text")).isZero();
    String err = Files.readString(dir.resolve("text.err"));
    assertThat(err).contains("big.md: 50 arXiv ids").doesNotContain("OutOfMemoryError");
    assertThat(Files.readString(dir.resolve("cache/papers/arxiv/1909.10007.json")))
        .contains("A Paper Title Stated In The Note Number 7").contains("\"titleSource\" : \"reported\"");

    Path bin = dir.resolve("blob.bin");
    byte[] chunk = new byte[1 << 20];
    new java.util.Random(1).nextBytes(chunk);
    try (var out = Files.newOutputStream(bin)) {
      for (int i = 0; i < 24; i++) {
        out.write(chunk);
      }
    }
    assertThat(run(List.of(bin.toString()), "bin")).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("bin.err")).strip()).startsWith("papers: import: cannot import blob.bin:")
        .doesNotContain("\n").doesNotContain("OutOfMemoryError");
  }
}
