package org.zged.spice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.netlist.NetlistWriter;

/**
 * Runs the real ngspice ({@code ngspice -b}) on a circuit: the independent reference every exact
 * analysis is checked against. Each call writes the netlist from {@link NetlistWriter} into a fresh
 * temporary folder, appends a {@code .control} block that sets 15 printed digits ({@code option
 * numdgt}), runs the analysis and writes the result with {@code wrdata} (or prints the pole-zero
 * lists), reads it back and deletes the folder. Calls are independent and may run in parallel.
 *
 * <p>The executable is {@code ngspice} on the PATH unless the system property {@code zged.ngspice}
 * names another.
 */
public final class Ngspice {
  private static final long TIMEOUT_SECONDS = 120;
  private static final Pattern ROOT_LINE =
      Pattern.compile("^\\s*(pole|zero)\\(\\d+\\)\\s*=\\s*(\\S+?)\\s*,\\s*(\\S+)\\s*$");
  private static volatile Boolean available;

  private Ngspice() {}

  static String executable() {
    return System.getProperty("zged.ngspice", "ngspice");
  }

  /** True when {@code ngspice -v} runs; checked once. */
  public static boolean available() {
    Boolean a = available;
    if (a == null) {
      try {
        Process p =
            new ProcessBuilder(executable(), "-v")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .start();
        p.getInputStream().readAllBytes();
        a = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        a = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        a = false;
      }
      available = a;
    }
    return a;
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The AC sweep of V(vout) for a 1 V AC source at VIN. */
  public static NgspiceAc ac(Circuit circuit, AcSweep sweep) {
    String control = "run\nwrdata ac.txt vr(vout) vi(vout)\n";
    return runIn(circuit, sweep, control, (dir, log) -> parseWrdata(dir.resolve("ac.txt"), log));
  }

  /** Poles and zeros of V(vout)/V(vin) from ngspice's {@code pz} analysis. */
  public static NgspicePoleZero poleZero(Circuit circuit) {
    String control = "pz vin 0 vout 0 vol pz\nprint all\n";
    return runIn(circuit, AcSweep.DEFAULT, control, (dir, log) -> parsePoleZero(log));
  }

  /** The netlist ngspice runs: the writer's netlist with a control block before {@code .end}. */
  public static String netlistWithControl(Circuit circuit, AcSweep sweep, String control) {
    String netlist = NetlistWriter.write(circuit, sweep);
    int end = netlist.lastIndexOf(".end");
    return netlist.substring(0, end)
        + ".control\nset noaskquit\nset wr_singlescale\noption numdgt=15\n"
        + control
        + "quit 0\n.endc\n.end\n";
  }

  private interface Reader<T> {
    T read(Path dir, String log) throws IOException;
  }

  private static <T> T runIn(Circuit circuit, AcSweep sweep, String control, Reader<T> reader) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("zged-ngspice");
      Path cir = dir.resolve("circuit.cir");
      Files.writeString(cir, netlistWithControl(circuit, sweep, control));
      Process p =
          new ProcessBuilder(executable(), "-b", cir.getFileName().toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
      String log;
      try (InputStream in = p.getInputStream()) {
        log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new NgspiceException("ngspice did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new NgspiceException("ngspice exited with " + p.exitValue() + ": " + tail(log));
      }
      return reader.read(dir, log);
    } catch (IOException e) {
      throw new NgspiceException("cannot run " + executable() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NgspiceException("interrupted while waiting for ngspice", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  static NgspiceAc parseWrdata(Path file, String log) throws IOException {
    if (!Files.exists(file)) {
      throw new NgspiceException("ngspice wrote no AC data: " + tail(log));
    }
    List<String> lines = Files.readAllLines(file);
    List<double[]> rows = new ArrayList<>();
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || !Character.isDigit(t.charAt(0)) && t.charAt(0) != '-') {
        continue; // the header line names the vectors
      }
      String[] cols = t.split("\\s+");
      if (cols.length < 3) {
        throw new NgspiceException("unreadable ngspice AC row: " + t);
      }
      rows.add(
          new double[] {
            Double.parseDouble(cols[0]), Double.parseDouble(cols[1]), Double.parseDouble(cols[2])
          });
    }
    double[] f = new double[rows.size()];
    Complex[] h = new Complex[rows.size()];
    for (int i = 0; i < f.length; i++) {
      double[] r = rows.get(i);
      f[i] = r[0];
      h[i] = new Complex(r[1], r[2]);
    }
    return new NgspiceAc(f, h);
  }

  static NgspicePoleZero parsePoleZero(String log) {
    List<Complex> poles = new ArrayList<>();
    List<Complex> zeros = new ArrayList<>();
    for (String line : log.split("\\R")) {
      Matcher m = ROOT_LINE.matcher(line);
      if (m.matches()) {
        Complex c = new Complex(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
        (m.group(1).equals("pole") ? poles : zeros).add(c);
      }
    }
    boolean converged =
        !log.contains("iteration limit")
            && !log.contains("PZ analysis failed")
            && !log.toLowerCase(java.util.Locale.ROOT).contains("error");
    return new NgspicePoleZero(poles, zeros, converged);
  }

  private static String tail(String log) {
    String t = log.strip().replaceAll("\\s*\\R\\s*", " | ");
    return t.length() > 400 ? "..." + t.substring(t.length() - 400) : t;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary folder is harmless
    }
  }
}
