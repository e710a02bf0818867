package dev.papers.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a second JVM on the test classpath: for what only another process can show (locks, kill -9). */
public final class ChildJvm {
  private ChildJvm() {}

  /** The test classpath (surefire's, not its one-jar booter), usable with {@code java -cp}. */
  public static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** The {@code java} of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * A process builder for {@code java -cp <test classpath> mainClass args...}, with these variables
   * added to (or, when null, removed from) the inherited environment, stdin empty, and stdout and
   * stderr going to files in {@code logDir}.
   */
  public static ProcessBuilder builder(Class<?> mainClass, List<String> args, Map<String, String> env, Path logDir,
      String logName) {
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xshare:auto", "-Dfile.encoding=UTF-8", "-cp", classpath(), mainClass.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    pb.redirectOutput(logDir.resolve(logName + ".out").toFile());
    pb.redirectError(logDir.resolve(logName + ".err").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return pb;
  }
}
