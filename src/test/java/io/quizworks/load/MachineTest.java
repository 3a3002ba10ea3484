package io.quizworks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine line a report opens with, read from the same files the kernel shows. */
class MachineTest {
  private static void write(Path root, String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  @Test
  void namesADamonMonitorThatIsSamplingAndHowOften(@TempDir Path root) throws IOException {
    write(root, "proc/meminfo", "MemTotal:       24683520 kB\nMemFree:        23915860 kB\n");
    write(root, "sys/kernel/mm/damon/admin/kdamonds/0/state", "on\n");
    write(root, "sys/kernel/mm/damon/admin/kdamonds/0/contexts/0/monitoring_attrs/intervals/sample_us", "500000\n");

    assertThat(Machine.describe(root, 2))
        .isEqualTo("machine: 2 cores, 23.5 GiB memory, DAMON monitor on (sampling every 500 ms)");
  }

  @Test
  void namesWhatTheMonitorDoesWithIdleMemory(@TempDir Path root) throws IOException {
    write(root, "proc/meminfo", "MemTotal:       24683520 kB\n");
    String context = "sys/kernel/mm/damon/admin/kdamonds/0/contexts/0/";
    write(root, "sys/kernel/mm/damon/admin/kdamonds/0/state", "on\n");
    write(root, context + "monitoring_attrs/intervals/sample_us", "500000\n");
    write(root, context + "monitoring_attrs/intervals/aggr_us", "5000000\n");
    write(root, context + "schemes/nr_schemes", "1\n");
    write(root, context + "schemes/0/action", "pageout\n");
    write(root, context + "schemes/0/access_pattern/age/min", "12\n");

    assertThat(Machine.describe(root, 2)).isEqualTo("machine: 2 cores, 23.5 GiB memory, DAMON monitor on "
        + "(sampling every 500 ms, pages out memory idle for 60 s)");
  }

  @Test
  void saysSoWhenTheMonitorIsOffOrAbsent(@TempDir Path root) throws IOException {
    write(root, "proc/meminfo", "MemTotal:        8388608 kB\n");
    assertThat(Machine.describe(root, 4)).isEqualTo("machine: 4 cores, 8.0 GiB memory, no DAMON monitor");

    write(root, "sys/kernel/mm/damon/admin/kdamonds/0/state", "off\n");
    assertThat(Machine.describe(root, 4)).endsWith(", DAMON monitor off");
  }

  @Test
  void aMachineWithoutTheFilesStillGetsALine(@TempDir Path root) {
    assertThat(Machine.describe(root, 1)).isEqualTo("machine: 1 core, unknown memory, no DAMON monitor");
  }
}
