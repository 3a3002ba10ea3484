package io.quizworks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine a report was measured on, as its first line says it: cores, memory, and whether the kernel's
 * memory-access monitor (DAMON) is sampling. On the project's machines DAMON samples physical memory every
 * 0.5 s; on one of them each sample took about 27 ms of a core and every save slower than 20 ms in a rate step
 * overlapped one (docs/benchmarks.md), so a reader comparing p99 figures across machines needs to know. It also
 * pages out memory it finds idle, which the line names too.
 */
final class Machine {
  private static final Path KDAMONDS = Path.of("sys/kernel/mm/damon/admin/kdamonds");

  private Machine() {}

  /** Read from the files under {@code root} ("/" on a real machine). */
  static String describe(Path root, int cores) {
    return String.format(Locale.ROOT, "machine: %d %s, %s memory, %s", cores, cores == 1 ? "core" : "cores",
        memory(root), damon(root));
  }

  private static String memory(Path root) {
    try (Stream<String> lines = Files.lines(root.resolve("proc/meminfo"))) {
      return lines.filter(line -> line.startsWith("MemTotal:")).findFirst()
          .map(line -> String.format(Locale.ROOT, "%.1f GiB",
              Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0)))
          .orElse("unknown");
    } catch (IOException | NumberFormatException e) {
      return "unknown";
    }
  }

  private static String damon(Path root) {
    Path kdamonds = root.resolve(KDAMONDS);
    if (!Files.isDirectory(kdamonds)) {
      return "no DAMON monitor";
    }
    List<String> running = new ArrayList<>();
    try (Stream<Path> each = Files.list(kdamonds)) {
      for (Path kdamond : each.filter(Files::isDirectory).sorted().toList()) {
        if (read(kdamond.resolve("state")).filter("on"::equals).isPresent()) {
          Path context = kdamond.resolve("contexts/0");
          String sampling = read(context.resolve("monitoring_attrs/intervals/sample_us"))
              .map(us -> "sampling every " + Long.parseLong(us) / 1000 + " ms")
              .orElse("sampling");
          running.add(sampling + schemes(context));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "DAMON monitor in an unknown state";
    }
    return running.isEmpty() ? "DAMON monitor off" : "DAMON monitor on (" + String.join("; ", running) + ")";
  }

  /**
   * What the monitor does with memory it finds idle, such as {@code ", pages out memory idle for 60 s"}: paging out
   * takes pages a process will fault in again, which is time a benchmark pays for.
   */
  private static String schemes(Path context) throws IOException {
    Path schemes = context.resolve("schemes");
    if (!Files.isDirectory(schemes)) {
      return "";
    }
    long aggregationUs = read(context.resolve("monitoring_attrs/intervals/aggr_us")).map(Long::parseLong).orElse(0L);
    StringBuilder actions = new StringBuilder();
    try (Stream<Path> each = Files.list(schemes)) {
      for (Path scheme : each.filter(Files::isDirectory).sorted().toList()) {
        Optional<String> action = read(scheme.resolve("action"));
        if (action.isEmpty()) {
          continue;
        }
        long idleSeconds = read(scheme.resolve("access_pattern/age/min")).map(Long::parseLong).orElse(0L)
            * aggregationUs / 1_000_000;
        actions.append(", ").append(action.get().equals("pageout") ? "pages out" : action.get())
            .append(" memory idle for ").append(idleSeconds).append(" s");
      }
    }
    return actions.toString();
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
