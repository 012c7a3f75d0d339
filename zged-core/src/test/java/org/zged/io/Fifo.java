package org.zged.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Real named pipes for tests (mkfifo), and the check that one is still a pipe. */
public final class Fifo {
  private Fifo() {}

  public static Path make(Path p) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    if (mk.waitFor() != 0) {
      throw new IOException("mkfifo " + p + " failed");
    }
    return p;
  }

  public static boolean isFifo(Path p) throws IOException {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0010000;
  }
}
