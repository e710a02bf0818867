// Runs one SQL query in DuckDB (its JDBC driver) and prints the result as tab-separated lines, with a
// header. A bench tool, not shipped: bench/export.sh runs it with duckdb_jdbc on the class path.
//
//   java -cp duckdb_jdbc.jar bench/DuckQuery.java "SELECT count(*) FROM read_json('papers.jsonl')"

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class DuckQuery {
  public static void main(String[] a) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(a[0])) {
      int n = rs.getMetaData().getColumnCount();
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        b.append(i > 1 ? "\t" : "").append(rs.getMetaData().getColumnLabel(i));
      }
      System.out.println(b);
      while (rs.next()) {
        b.setLength(0);
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        System.out.println(b);
      }
    }
  }
}
