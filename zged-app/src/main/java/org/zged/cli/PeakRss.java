package org.zged.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size, from Linux's /proc/self/status (VmHWM). */
final class PeakRss {
  private PeakRss() {}

  /** Peak RSS in MB, or -1 where /proc is not available. */
  static long megabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static String text() {
    long mb = megabytes();
    return mb < 0 ? "n/a" : mb + " MB";
  }
}
