package io.weft.instrumentations.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into the tokens the summariser needs: words, quoted identifiers and punctuation.
 * Comments ({@code --}, nested {@code /* *\/}), string literals ({@code '...'} with doubled quotes,
 * PostgreSQL's {@code $tag$...$tag$}), numbers and parameters are recognised so that they are
 * skipped, never returned as anything the summary could use.
 *
 * <p>Not a SQL lexer for any one dialect: it only has to be right about where identifiers and
 * keywords are. Runs once per distinct SQL text (the result is cached), so it may allocate.
 */
final class SqlTokens {

  /** One token: its kind and its text as written. */
  record Token(Kind kind, String text) {
    /** The punctuation character, or 0 if this is no punctuation. */
    char punct() {
      return kind == Kind.PUNCT ? text.charAt(0) : 0;
    }
  }

  /** All tokens of {@code sql}, in order, without the end marker. */
  static List<Token> of(String sql) {
    SqlTokens cursor = new SqlTokens(sql);
    List<Token> tokens = new ArrayList<>();
    while (cursor.next() != Kind.END) {
      // A value's text is dropped here, so that no literal can reach a summary by mistake.
      tokens.add(new Token(cursor.kind, cursor.kind == Kind.VALUE ? "" : cursor.text()));
    }
    return tokens;
  }

  /** What a token is. */
  enum Kind {
    /** A keyword or unquoted identifier. */
    WORD,
    /** {@code "x"}, {@code `x`} or {@code [x]}: an identifier, kept as written. */
    QUOTED,
    /** A string literal, number or parameter: a value, never part of a summary. */
    VALUE,
    /** One punctuation character: {@code ( ) , ; . { } = ?} and the rest. */
    PUNCT,
    END
  }

  private final String sql;
  private int at;
  private Kind kind;
  private int start;
  private int end;

  private SqlTokens(String sql) {
    this.sql = sql;
  }

  /** Advances to the next token and returns its kind ({@link Kind#END} at the end). */
  private Kind next() {
    skipSpaceAndComments();
    start = at;
    if (at >= sql.length()) {
      kind = Kind.END;
      end = at;
      return kind;
    }
    char c = sql.charAt(at);
    if (c == '\'') {
      skipQuoted('\'');
      kind = Kind.VALUE;
    } else if (c == '"' || c == '`') {
      skipQuoted(c);
      kind = Kind.QUOTED;
    } else if (c == '[') {
      int close = sql.indexOf(']', at + 1);
      at = close < 0 ? sql.length() : close + 1;
      kind = Kind.QUOTED;
    } else if (c == '$' && dollarQuote()) {
      kind = Kind.VALUE;
    } else if (Character.isDigit(c) || (c == '.' && at + 1 < sql.length() && Character.isDigit(sql.charAt(at + 1)))) {
      at++;
      while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
        at++;
      }
      kind = Kind.VALUE;
    } else if ((c == ':' || c == '@' || c == '$') && at + 1 < sql.length() && isWordPart(sql.charAt(at + 1))
        && !(c == ':' && at > 0 && sql.charAt(at - 1) == ':')) {
      at++; // :name, @name, $1: named or numbered parameters
      while (at < sql.length() && isWordPart(sql.charAt(at))) {
        at++;
      }
      kind = Kind.VALUE;
    } else if (isWordStart(c)) {
      while (at < sql.length() && isWordPart(sql.charAt(at))) {
        at++;
      }
      kind = Kind.WORD;
    } else {
      at++; // '?' is punctuation too: it matters to the JDBC call escape {? = call p(?)}, and is never emitted
      kind = Kind.PUNCT;
    }
    end = at;
    return kind;
  }

  /** The token as written. */
  private String text() {
    return sql.substring(start, end);
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '#';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
  }

  private void skipSpaceAndComments() {
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '-' && sql.startsWith("--", at)) {
        int newline = sql.indexOf('\n', at);
        at = newline < 0 ? sql.length() : newline + 1;
      } else if (c == '/' && sql.startsWith("/*", at)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest in PostgreSQL and H2; an unclosed one runs to the end. */
  private void skipBlockComment() {
    int depth = 0;
    while (at < sql.length()) {
      if (sql.startsWith("/*", at)) {
        depth++;
        at += 2;
      } else if (sql.startsWith("*/", at)) {
        at += 2;
        if (--depth == 0) {
          return;
        }
      } else {
        at++;
      }
    }
  }

  /** Skips a quoted run; a doubled quote is an escaped one. Unclosed runs to the end. */
  private void skipQuoted(char quote) {
    at++;
    while (at < sql.length()) {
      char c = sql.charAt(at++);
      if (c == quote) {
        if (at < sql.length() && sql.charAt(at) == quote) {
          at++;
        } else {
          return;
        }
      }
    }
  }

  /** PostgreSQL dollar quoting: {@code $$...$$} or {@code $tag$...$tag$}. False if this is no such quote. */
  private boolean dollarQuote() {
    int close = at + 1;
    while (close < sql.length() && (Character.isLetterOrDigit(sql.charAt(close)) || sql.charAt(close) == '_')) {
      close++;
    }
    if (close >= sql.length() || sql.charAt(close) != '$' || (close > at + 1 && Character.isDigit(sql.charAt(at + 1)))) {
      return false;
    }
    String tag = sql.substring(at, close + 1);
    int endTag = sql.indexOf(tag, close + 1);
    at = endTag < 0 ? sql.length() : endTag + tag.length();
    return true;
  }
}
