package org.zged.netlist;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical SPICE line: the tokens of a physical line plus those of its {@code +} continuation
 * lines. Each token remembers its own physical line so that an error points at the line the user
 * has to edit, not at the start of the statement.
 */
record Statement(String firstLineText, List<String> tokens, List<Integer> tokenLines) {

  Statement {
    tokens = List.copyOf(tokens);
    tokenLines = List.copyOf(tokenLines);
  }

  static Statement of(String text, List<String> tokens, int line) {
    List<Integer> lines = new ArrayList<>();
    tokens.forEach(t -> lines.add(line));
    return new Statement(text, tokens, lines);
  }

  /**
   * Collects a statement's physical lines. Appending to growing lists keeps a statement with n
   * continuation lines O(n) to read; copying the statement per {@code +} line made 50,000 of them
   * take 16 s.
   */
  static final class Builder {
    private final String firstLineText;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    Builder(String text, List<String> first, int line) {
      this.firstLineText = text;
      add(first, line);
    }

    void add(List<String> more, int line) {
      for (String s : more) {
        tokens.add(s);
        lines.add(line);
      }
    }

    Statement build() {
      return new Statement(firstLineText, tokens, lines);
    }
  }

  /** The physical line the statement starts on. */
  int line() {
    return tokenLines.get(0);
  }

  /** The physical line of token {@code i}; the last token's line when {@code i} is past the end. */
  int lineOf(int i) {
    return tokenLines.get(Math.min(i, tokenLines.size() - 1));
  }

  int size() {
    return tokens.size();
  }

  String token(int i) {
    return tokens.get(i);
  }

  String name() {
    return tokens.get(0);
  }

  /** The text of the first physical line after its first token, spacing kept (for .title). */
  String restOfFirstLine() {
    String t = firstLineText.strip();
    int space = t.indexOf(' ');
    int tab = t.indexOf('\t');
    int cut = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
    return cut < 0 ? "" : t.substring(cut).strip();
  }
}
