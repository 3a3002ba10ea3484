package io.quizworks.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a fault test opened (processes, clusters, databases, clients), closed last first, each even when
 * another fails, so a failing test still leaves the machine as it found it.
 */
final class Cleanup implements AutoCloseable {
  private final List<AutoCloseable> opened = new ArrayList<>();

  void add(AutoCloseable closeable) {
    opened.add(closeable);
  }

  @Override
  public void close() throws Exception {
    Collections.reverse(opened);
    Exception first = null;
    for (AutoCloseable closeable : opened) {
      try {
        closeable.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (first != null) {
      throw first;
    }
  }
}
