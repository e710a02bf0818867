package dev.papers;

import dev.papers.app.App;
import dev.papers.cli.CommandFactory;
import dev.papers.cli.ExitCodes;
import dev.papers.cli.PapersCommand;
import dev.papers.config.Settings;
import dev.papers.config.UsageException;
import dev.papers.model.Visible;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Builds the object graph, runs one command, and is the only caller of {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--cds-training-run")) {
      // The launcher's class-data-sharing training run (see Training); not a user command.
      try {
        Training.run(home());
      } catch (java.io.IOException | RuntimeException e) {
        System.exit(1);
      }
      System.exit(0);
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
        StandardCharsets.UTF_8), true);
    int code = run(args, System.getenv(), home(), out, err, null);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The launcher's directory: {@code -Dpapers.home}, else the working directory. */
  static Path home() {
    String h = System.getProperty("papers.home");
    return Path.of(h != null ? h : "").toAbsolutePath();
  }

  /**
   * Runs one command line. Tests call this with their own environment and writers.
   *
   * @param app the object graph to use, or null to build one from the environment
   */
  public static int run(String[] args, Map<String, String> env, Path home, PrintWriter rawOut, PrintWriter rawErr,
      App app) {
    // Every character a terminal would obey (ESC, BEL, C1, bidi overrides) is shown as an escape on
    // its way out, whatever wrote it; only stdout's own colour sequences pass, when colour is on.
    PrintWriter out = new PrintWriter(Visible.filter(rawOut, dev.papers.cli.Terminal.color(env)), true);
    PrintWriter err = new PrintWriter(Visible.filter(rawErr, false), true);
    try {
      return runFiltered(args, env, home, out, err, app);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int runFiltered(String[] args, Map<String, String> env, Path home, PrintWriter out,
      PrintWriter err, App app) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building picocli's model: most of a JVM start's own work.
      for (String line : new dev.papers.cli.VersionProvider().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCodes.OK;
    }
    App graph;
    try {
      graph = app != null ? app : App.fromEnvironment(Settings.load(env, home));
    } catch (UsageException e) {
      err.println("papers: " + Visible.line(e.getMessage()));
      return ExitCodes.USAGE;
    }
    for (String w : graph.settings().warnings()) {
      err.println("papers: warning: " + Visible.line(w));
    }
    CommandLine cl = commandLine(graph, args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine(App app, String[] args) {
    CommandLine cl = new CommandLine(PapersCommand.class, new CommandFactory(app));
    for (String name : PapersCommand.subcommandsFor(args)) {
      cl.addSubcommand(name, PapersCommand.SUBCOMMANDS.get(name));
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(100);
    ExitCodes exits = new ExitCodes();
    cl.setExitCodeExceptionMapper(exits);
    cl.setParameterExceptionHandler(exits);
    cl.setExecutionExceptionHandler(exits);
    cl.setExecutionStrategy(exits);
    return cl;
  }
}
