package org.zged.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.zged.InputException;
import org.zged.model.ZgedModel;
import org.zged.web.WebServer;
import org.zged.web.ZgedApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged serve}: the web page and JSON API on this machine. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web page and the JSON API (see docs/web.md).",
      "Binds to loopback by default; the model loads in the background."
    })
public final class ServeCommand implements Runnable {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port (0 = any free port; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the server).")
  String host;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      split = ",",
      description =
          "Also answer requests whose Host header is NAME (repeatable; '*': any). By default only"
              + " loopback names and the --host address are answered (HTTP 421 otherwise), which"
              + " keeps other web pages from reaching the API through DNS rebinding.")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file to serve (default: the shipped model).")
  Path model;

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new InputException("--port", "must be between 0 and 65535, got " + port);
    }
    quietLibraryLogs();
    ZgedApi.Builder api = ZgedApi.builder();
    if (model != null) {
      if (!Files.isRegularFile(model)) {
        throw new InputException("--model", "no such file: " + model);
      }
      api.optModel(() -> ZgedModel.load(model));
    }
    WebServer server =
        api.build().install(WebServer.builder().optHost(host).optAllowHosts(allowHosts)).build();
    try {
      server.start(port);
    } catch (RuntimeException e) {
      throw new InputException(
          "--port", "cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ")");
    }
    System.out.println("zged web page: " + server.url() + "  (Ctrl-C to stop)");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "zged-serve-stop"));
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Javalin and Jetty log banners at INFO, and Javalin an ERROR line when the port is taken, which
   * this command reports itself; the one-line-per-request log is what users want to see.
   */
  private static void quietLibraryLogs() {
    String[][] levels = {{"io.javalin", "off"}, {"org.eclipse.jetty", "warn"}};
    for (String[] lib : levels) {
      String key = "org.slf4j.simpleLogger.log." + lib[0];
      if (System.getProperty(key) == null) {
        System.setProperty(key, lib[1]);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
