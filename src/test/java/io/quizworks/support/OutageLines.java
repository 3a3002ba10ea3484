package io.quizworks.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the outage log's messages back as the number of refused requests they account for. */
public final class OutageLines {
  private static final String FIRST = "PostgreSQL is out of reach; answered 503 to ";
  private static final Pattern SUMMARY = Pattern.compile("PostgreSQL out of reach: (\\d+) more request\\(s\\) .*");

  private OutageLines() {}

  /** An outage's first line counts one request, a summary the requests it counts; anything else fails. */
  public static long requests(List<String> messages) {
    return messages.stream().mapToLong(message -> message.startsWith(FIRST) ? 1 : summarised(message)).sum();
  }

  /** The requests counted by summaries alone; a line that is not a summary fails. */
  public static long summarised(List<String> summaries) {
    return summaries.stream().mapToLong(OutageLines::summarised).sum();
  }

  private static long summarised(String message) {
    Matcher summary = SUMMARY.matcher(message);
    if (!summary.matches()) {
      throw new AssertionError("not a line of the outage log: " + message);
    }
    return Long.parseLong(summary.group(1));
  }
}
