package org.zged.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} header values the server answers: loopback names, the address it is bound to,
 * and whatever {@code --allow-host} adds ({@code *}: any). A page on another site that rebinds its
 * own DNS name to 127.0.0.1 sends its own name as Host, so refusing unknown names (HTTP 421) keeps
 * it from reading the API.
 */
final class HostCheck {
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final Set<String> allowed = new HashSet<>();
  private final boolean any;

  HostCheck(String boundHost, List<String> allowHosts) {
    allowed.add("localhost");
    allowed.add("::1");
    String bound = strip(boundHost.toLowerCase(Locale.ROOT));
    if (!bound.equals("0.0.0.0") && !bound.equals("::") && !bound.isEmpty()) {
      allowed.add(bound);
    }
    boolean star = false;
    for (String h : allowHosts) {
      String n = h.strip().toLowerCase(Locale.ROOT);
      if (n.equals("*")) {
        star = true;
      } else if (!n.isEmpty()) {
        allowed.add(nameOf(n));
      }
    }
    this.any = star;
  }

  /** True when the request's Host header (null when absent) names this server. */
  boolean allows(String hostHeader) {
    if (any) {
      return true;
    }
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String name = nameOf(hostHeader.strip().toLowerCase(Locale.ROOT));
    return allowed.contains(name)
        || name.endsWith(".localhost")
        || LOOPBACK_V4.matcher(name).matches();
  }

  /** "example.org:8080" → "example.org", "[::1]:8080" → "::1". */
  static String nameOf(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.indexOf(':');
    if (colon >= 0 && colon == host.lastIndexOf(':')) {
      return host.substring(0, colon);
    }
    return host; // a bare IPv6 address, or no port
  }

  private static String strip(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
