package org.zged.netlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zged.InputException;

/**
 * Splits SPICE text into logical statements: the first line is the title (the SPICE rule), {@code
 * *} lines and {@code ;} / {@code $} tails are comments, {@code +} lines continue the statement
 * above, and reading stops at {@code .end}.
 */
final class NetlistLexer {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** What the lexer found: the title, the statements and the last physical line read. */
  record Lexed(String title, List<Statement> statements, int lastLine) {}

  private NetlistLexer() {}

  static Lexed lex(String text, String source) {
    String[] lines = text.split("\\R", -1);
    // A trailing newline leaves one empty string behind; it is not a line of the file.
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    if (count == 0 || Arrays.stream(lines, 0, count).allMatch(String::isBlank)) {
      throw new InputException(source + ":1", "the netlist is empty");
    }
    String title = "";
    List<Statement> statements = new ArrayList<>();
    int lastLine = 1;
    for (int i = 0; i < count; i++) {
      int lineNo = i + 1;
      lastLine = lineNo;
      String raw = lines[i];
      if (hasControlCharacters(raw)) {
        throw new InputException(
            source + ":" + lineNo, "binary data, not netlist text (is this the right file?)");
      }
      if (i == 0 && !raw.strip().startsWith(".")) {
        title = titleOf(raw, source);
        continue;
      }
      String line = stripInlineComment(raw).strip();
      if (line.isEmpty() || line.startsWith("*")) {
        continue;
      }
      if (line.startsWith("+")) {
        if (statements.isEmpty()) {
          throw new InputException(
              source + ":" + lineNo, "continuation line '+' has no statement above it to continue");
        }
        List<String> more = tokens(line.substring(1));
        int last = statements.size() - 1;
        statements.set(last, statements.get(last).continuedBy(more, lineNo));
        continue;
      }
      List<String> tokens = tokens(line);
      if (tokens.get(0).equalsIgnoreCase(".end")) {
        break;
      }
      statements.add(Statement.of(line, tokens, lineNo));
    }
    return new Lexed(title, statements, lastLine);
  }

  /**
   * The title from line 1. A first line that is really an element would be silently lost by SPICE
   * (the circuit then misses a part); zged reports it instead.
   */
  private static String titleOf(String raw, String source) {
    String t = raw.strip();
    if (looksLikeElement(t)) {
      throw new InputException(
          source + ":1",
          "the first line of a SPICE netlist is its title, but it looks like an element ('"
              + t
              + "'); add a title line such as '* my filter' above it");
    }
    // "* title" is how NetlistWriter (and many tools) write the title; keep just the text.
    return t.replaceFirst("^\\*+\\s*", "");
  }

  static boolean looksLikeElement(String line) {
    List<String> tok = tokens(stripInlineComment(line));
    if (tok.size() < 4) {
      return false;
    }
    char letter = Character.toUpperCase(tok.get(0).charAt(0));
    String fourth = tok.get(3).toLowerCase(Locale.ROOT);
    if (letter == 'V') {
      return fourth.equals("ac") || fourth.equals("dc") || isNumber(fourth);
    }
    return (letter == 'R' || letter == 'C' || letter == 'L') && tok.size() == 4 && isNumber(fourth);
  }

  private static boolean isNumber(String s) {
    try {
      SpiceNumber.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Control characters other than tab (and form feed, which old decks use) mean binary data. */
  private static boolean hasControlCharacters(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\f') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** Cuts a {@code ;} comment (LTspice) or a {@code $} comment after whitespace (ngspice). */
  static String stripInlineComment(String line) {
    int cut = line.indexOf(';');
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '$' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        cut = cut < 0 ? i : Math.min(cut, i);
        break;
      }
    }
    return cut < 0 ? line : line.substring(0, cut);
  }

  private static List<String> tokens(String s) {
    String t = s.strip();
    return t.isEmpty() ? List.of() : List.of(WHITESPACE.split(t));
  }
}
