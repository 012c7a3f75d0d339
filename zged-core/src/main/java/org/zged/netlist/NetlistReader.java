package org.zged.netlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.zged.InputException;
import org.zged.circuit.Circuit;

/**
 * Reads the passive subset of SPICE: R, C, L elements, one AC voltage source, {@code .title},
 * {@code .ac}, {@code .end}, comments and continuation lines (see docs/cli-simulate.md).
 *
 * <p>Everything else is an error naming the line, never silently skipped: a skipped line would be a
 * different circuit analysed without a word. Errors are {@link InputException}s with the location
 * {@code FILE:LINE}.
 *
 * <p>Which node is which: VIN is the non-ground node of the AC source (or a node named {@code vin}
 * when there is no source), VOUT the node named {@code vout}; {@code inNode} / {@code outNode} (the
 * {@code --in} / {@code --out} options) override both. Ground is {@code 0} or {@code gnd}. The
 * user's node names become the canonical {@link Circuit} names.
 */
public final class NetlistReader {
  private NetlistReader() {}

  /** Reads a netlist file; {@code inNode}/{@code outNode} may be null. */
  /** The largest netlist read (16 MiB: hundreds of thousands of lines). */
  public static final int MAX_BYTES = 16 << 20;

  public static Circuit read(Path file, String inNode, String outNode) {
    return readNetlist(file, inNode, outNode).circuit();
  }

  /** Parses netlist text; {@code sourceName} names it in error messages. */
  public static Circuit parse(String text, String sourceName, String inNode, String outNode) {
    return parseNetlist(text, sourceName, inNode, outNode).circuit();
  }

  public static Netlist readNetlist(Path file, String inNode, String outNode) {
    return parseNetlist(readText(file), file.toString(), inNode, outNode);
  }

  public static Netlist parseNetlist(
      String text, String sourceName, String inNode, String outNode) {
    NetlistLexer.Lexed lexed = NetlistLexer.lex(text, sourceName);
    ParsedNetlist parsed = new ParsedNetlist(sourceName, lexed);
    for (Statement st : lexed.statements()) {
      parsed.accept(st);
    }
    return new NetlistAssembler(parsed, inNode, outNode).assemble();
  }

  /**
   * Reads a file as UTF-8 (UTF-16 when it starts with a byte-order mark, as LTspice may write),
   * falling back to ISO-8859-1 so that a stray 'µ' in Latin-1 does not make the file unreadable.
   */
  static String readText(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = readBounded(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "cannot read: no such file");
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage());
      throw new InputException(file.toString(), "cannot read: " + why);
    }
    return decode(bytes);
  }

  /**
   * Reads a netlist from a stream (standard input), at most {@link #MAX_BYTES}: /dev/zero or a
   * runaway pipe is refused with one line instead of filling the heap.
   */
  public static String readText(InputStream in, String where) {
    try {
      return decode(readBounded(in, where));
    } catch (IOException e) {
      throw new InputException(where, "cannot read: " + e.getMessage());
    }
  }

  private static byte[] readBounded(InputStream in, String where) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new InputException(
          where, "larger than " + (MAX_BYTES >> 20) + " MiB; not a netlist zged reads");
    }
    return bytes;
  }

  private static String decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** A user's node name as a key: lower case, with both ground spellings as "0". */
  static String node(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("gnd") ? Circuit.GND : n;
  }
}
