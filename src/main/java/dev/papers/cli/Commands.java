package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.report.ReportOptions;
import dev.papers.service.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What several commands share: the closing messages and exit code, the output's options. */
final class Commands {
  private Commands() {}

  /** Prints what failed, one line per kind of failure, and returns the exit code. */
  static int finish(Outcome outcome, PrintWriter err) {
    for (String m : outcome.messages()) {
      err.println("papers: " + m);
    }
    err.flush();
    return ExitCodes.of(outcome.status());
  }

  /** Prints notes, one line each. */
  static void notes(List<String> notes, PrintWriter err) {
    notes.forEach(n -> err.println("papers: " + n));
    err.flush();
  }

  /** Colour and width for this run's output: colour only on a terminal without NO_COLOR. */
  static ReportOptions reportOptions(App app, boolean explain) {
    return reportOptions(app, explain, false);
  }

  /** As above; the terminal's width when stdout is one, else (or with {@code wide}) no width limit. */
  static ReportOptions reportOptions(App app, boolean explain, boolean wide) {
    Map<String, String> env = app.settings().env();
    boolean tty = Terminal.interactive();
    return ReportOptions.forOutput(tty, env.get("NO_COLOR"), tty && !wide ? Terminal.columns(env) : null, explain,
        wide);
  }
}
