package dev.papers.topic;

/**
 * A topic that cannot be used: a malformed topic file, an unknown topic or a name that is not a topic
 * name. Bad input (exit 2); the message is one line that names the file, the line and what is wrong.
 */
public final class TopicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TopicException(String message) {
    super(message);
  }

  public TopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
