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
 * 0.5 s and takes about 27 ms of a core each time; every save slower than 20 ms in a rate step overlapped one
 * of those samples (docs/benchmarks.md), so a reader comparing p99 figures across machines needs to know.
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
          running.add(read(kdamond.resolve("contexts/0/monitoring_attrs/intervals/sample_us"))
              .map(us -> "sampling every " + Long.parseLong(us) / 1000 + " ms")
              .orElse("sampling"));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "DAMON monitor in an unknown state";
    }
    return running.isEmpty() ? "DAMON monitor off" : "DAMON monitor on (" + String.join("; ", running) + ")";
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
