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
  private static final Pattern LINE_END = Pattern.compile("\r?\n");

  /** What the lexer found: the title, the statements and the last physical line read. */
  record Lexed(String title, List<Statement> statements, int lastLine) {}

  private NetlistLexer() {}

  static Lexed lex(String text, String source) {
    // Lines end at \n or \r\n only, as in ngspice: a lone \r or U+2028 does not end a line there.
    String[] lines = LINE_END.split(text, -1);
    // A trailing newline leaves one empty string behind; it is not a line of the file.
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    if (count == 0 || Arrays.stream(lines, 0, count).allMatch(String::isBlank)) {
      throw new InputException(source + ":1", "the netlist is empty");
    }
    StringBuilder title = null;
    List<Statement> statements = new ArrayList<>();
    Statement.Builder current = null;
    int lastLine = 1;
    for (int i = 0; i < count; i++) {
      int lineNo = i + 1;
      lastLine = lineNo;
      String raw = lines[i];
      checkCharacters(raw, source + ":" + lineNo);
      if (i == 0 && !raw.strip().startsWith(".")) {
        title = new StringBuilder(titleOf(raw, source));
        continue;
      }
      String line = stripInlineComment(raw).strip();
      if (line.isEmpty() || line.startsWith("*")) {
        continue;
      }
      checkNoLineSeparator(line, source + ":" + lineNo);
      if (line.startsWith("+")) {
        List<String> more = tokens(line.substring(1));
        if (current != null) {
          current.add(more, lineNo);
        } else if (title != null) {
          // ngspice joins a '+' line right after the title to the title card.
          for (String t : more) {
            title.append(title.length() == 0 ? "" : " ").append(t);
          }
        } else {
          throw new InputException(
              source + ":" + lineNo, "continuation line '+' has no statement above it to continue");
        }
        continue;
      }
      List<String> tokens = tokens(line);
      if (tokens.get(0).equalsIgnoreCase(".end")) {
        break;
      }
      if (current != null) {
        statements.add(current.build());
      }
      current = new Statement.Builder(line, tokens, lineNo);
    }
    if (current != null) {
      statements.add(current.build());
    }
    return new Lexed(title == null ? "" : title.toString(), statements, lastLine);
  }

  /**
   * Control characters other than tab (and form feed, which old decks use) mean binary data; a lone
   * carriage return means old Mac line endings, which ngspice reads as one single line.
   */
  private static void checkCharacters(String line, String where) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        throw new InputException(
            where,
            "a carriage return without a newline (old Mac line ending); ngspice reads such a"
                + " file as one line: end lines with \\n or \\r\\n");
      }
      if ((c < 0x20 && c != '\t' && c != '\f') || c == 0x7f) {
        throw new InputException(where, "binary data, not netlist text (is this the right file?)");
      }
    }
  }

  /**
   * U+2028, U+2029 and U+0085 end a line for Java but not for ngspice, which would read the two
   * halves as one statement: refuse them instead of reading a different circuit than ngspice.
   */
  private static void checkNoLineSeparator(String line, String where) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
        throw new InputException(
            where,
            String.format(
                "Unicode line separator U+%04X inside a statement; ngspice does not end a line"
                    + " there, so write a newline instead",
                (int) c));
      }
    }
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
    return t.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(t));
  }
}
