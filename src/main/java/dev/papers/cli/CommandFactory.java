package dev.papers.cli;

import dev.papers.app.App;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Makes commands for picocli, handing those that take it the object graph. */
public final class CommandFactory implements CommandLine.IFactory {
  private final App app;

  public CommandFactory(App app) {
    this.app = app;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      Constructor<K> c = cls.getDeclaredConstructor(App.class);
      return c.newInstance(app);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
