package org.pkiaas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the machine gives every benchmark, measured in the same run: the latency of a durable 4 KiB
 * write (write, then fsync, as a database commit costs at least once) and the load average, so a
 * figure is read beside the conditions it was taken in.
 */
final class Machine {

  private static final int BLOCK = 4096;
  private static final int SAMPLES = 200;

  private Machine() {}

  /** p50 and p90 of {@value #SAMPLES} appends of 4 KiB, each followed by fsync, in milliseconds. */
  record Fsync(double p50, double p90) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms", p50, p90);
    }
  }

  /** Writes into {@code directory} (the benchmark's own, on the disk the database shares). */
  static Fsync fsync(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("fsync-probe-" + ProcessHandle.current().pid());
    List<Long> micros = new ArrayList<>();
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < SAMPLES; i++) {
        block.clear();
        block.putInt(0, i);
        long t0 = System.nanoTime();
        channel.write(block);
        channel.force(true);
        micros.add((System.nanoTime() - t0) / 1000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return new Fsync(
        IssuanceBenchmark.percentile(micros, 0.5) / 1000.0,
        IssuanceBenchmark.percentile(micros, 0.9) / 1000.0);
  }

  /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} has them. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
