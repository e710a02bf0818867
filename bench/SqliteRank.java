// The measured alternative to the rank index: the same compact data in SQLite (sqlite-jdbc, FTS5 for
// the keyword text), queried for a topic's top papers. A bench tool, not shipped: run with Java's
// single-file source launcher, the tool's jar and sqlite-jdbc on the class path (bench/sqlite.sh).
//
//   java -cp papers.jar:sqlite-jdbc.jar bench/SqliteRank.java load CACHE DB   reads every paper file once
//   java -cp papers.jar:sqlite-jdbc.jar bench/SqliteRank.java rank CACHE DB TOPIC LIMIT [KEYWORD]
//
// `load` stores, per paper, what ranking reads (id, year, the best velocity and its count computed by
// the tool's own dev.papers.rank.Velocity, the time it is valid from), its topic tags, and its title and
// abstract in an FTS5 table. `rank` selects the topic's tagged papers (or those whose text matches the
// keyword), best first, reads the LIMIT best from their paper files as the tool prints them, and prints
// id, velocity and title per line.

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.rank.Velocity;
import dev.papers.rank.VelocityResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public class SqliteRank {
  public static void main(String[] a) throws Exception {
    PaperCache cache = new PaperCache(Path.of(a[1]), Clock.systemUTC());
    String url = "jdbc:sqlite:" + a[2];
    if (a[0].equals("load")) {
      Files.deleteIfExists(Path.of(a[2]));
      try (Connection db = DriverManager.getConnection(url); Statement st = db.createStatement()) {
        st.execute("PRAGMA journal_mode=OFF");
        st.execute("PRAGMA synchronous=OFF");
        st.execute("CREATE TABLE paper (n INTEGER PRIMARY KEY, id TEXT NOT NULL, year INTEGER, velocity REAL,"
            + " count INTEGER, valid_from TEXT)");
        st.execute("CREATE TABLE tag (topic TEXT NOT NULL, n INTEGER NOT NULL)");
        st.execute("CREATE VIRTUAL TABLE text USING fts5(title, abstract)");
        db.setAutoCommit(false);
        PreparedStatement p = db.prepareStatement("INSERT INTO paper VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement t = db.prepareStatement("INSERT INTO tag VALUES (?, ?)");
        PreparedStatement x = db.prepareStatement("INSERT INTO text (rowid, title, abstract) VALUES (?, ?, ?)");
        long[] n = {0};
        cache.forEach(paper -> {
          try {
            long k = ++n[0];
            Optional<VelocityResult> v = Velocity.best(paper, Instant.MAX);
            p.setLong(1, k);
            p.setString(2, paper.id());
            p.setObject(3, paper.year());
            p.setObject(4, v.map(VelocityResult::velocity).orElse(null));
            p.setObject(5, v.map(VelocityResult::count).orElse(null));
            p.setString(6, null);
            p.addBatch();
            for (String topic : paper.topics()) {
              t.setString(1, topic);
              t.setLong(2, k);
              t.addBatch();
            }
            x.setLong(1, k);
            x.setString(2, paper.title());
            x.setString(3, paper.abstractText());
            x.addBatch();
            if (k % 1000 == 0) {
              p.executeBatch();
              t.executeBatch();
              x.executeBatch();
            }
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        }, problem -> { });
        p.executeBatch();
        t.executeBatch();
        x.executeBatch();
        st.execute("CREATE INDEX tag_topic ON tag (topic, n)");
        st.execute("CREATE INDEX paper_order ON paper (velocity DESC, count DESC, id)");
        db.commit();
        System.err.println("SqliteRank: " + n[0] + " papers loaded into " + a[2]);
      }
      return;
    }
    String topic = a[3];
    int limit = Integer.parseInt(a[4]);
    String sql = a.length > 5
        ? "SELECT p.id, p.velocity FROM paper p WHERE p.velocity IS NOT NULL AND (p.n IN (SELECT n FROM tag"
            + " WHERE topic = ?) OR p.n IN (SELECT rowid FROM text WHERE text MATCH ?))"
            + " ORDER BY p.velocity DESC, p.count DESC, p.id LIMIT ?"
        : "SELECT p.id, p.velocity FROM paper p JOIN tag t ON t.n = p.n WHERE t.topic = ?"
            + " AND p.velocity IS NOT NULL ORDER BY p.velocity DESC, p.count DESC, p.id LIMIT ?";
    StringBuilder out = new StringBuilder();
    try (Connection db = DriverManager.getConnection(url); PreparedStatement q = db.prepareStatement(sql)) {
      int i = 1;
      q.setString(i++, topic);
      if (a.length > 5) {
        q.setString(i++, "\"" + a[5].replace("\"", "\"\"") + "\"");
      }
      q.setInt(i, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Paper paper = cache.find(PaperId.parse(rs.getString(1))).orElseThrow();
          out.append(paper.id()).append('\t').append(rs.getDouble(2)).append('\t').append(paper.title()).append('\n');
        }
      }
    }
    System.out.print(out);
  }
}
