package org.zged.model.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The source commit a run was trained with, for the model file's provenance: the system property
 * {@code zged.commit} if set, else {@code git rev-parse HEAD} in the source tree ({@code
 * zged.root}, else the working directory), with "-dirty" when tracked files differ from it;
 * "unknown" when neither answers (no git, not a checkout).
 */
public final class SourceCommit {
  private SourceCommit() {}

  public static String current() {
    String given = System.getProperty("zged.commit");
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    Path root = Path.of(System.getProperty("zged.root", "."));
    String head = git(root, "rev-parse", "HEAD");
    if (head == null || !head.matches("[0-9a-f]{40}")) {
      return "unknown";
    }
    String changes = git(root, "status", "--porcelain", "--untracked-files=no");
    return changes == null || changes.isEmpty() ? head : head + "-dirty";
  }

  private static String git(Path dir, String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = dir.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      return new String(out, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
