package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.jdbc.SqlTokens.Kind;
import io.weft.instrumentations.jdbc.SqlTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns SQL text into a {@link QuerySummary}: the operation, the first table and the semantic
 * conventions' query summary, which lists each operation and the tables it names in the order they
 * appear ({@code INSERT shipping_details SELECT orders}).
 *
 * <pre>{@code
 * QuerySummary s = SqlSummariser.summarise("select * from users u join orders o on u.id = o.user_id");
 * // s.operation() = "SELECT", s.collection() = "users", s.summary() = "SELECT users orders"
 * }</pre>
 *
 * <p>Rules: operations are upper-cased keywords; tables are kept as written (quotes and schema
 * included); {@code db.collection.name} is the first table of the first statement's main operation
 * (for a join, the first table; for {@code INSERT ... SELECT}, the table inserted into); names
 * defined by {@code WITH} are not tables. A text of several statements takes its operation and
 * collection from the first; the summary covers them all, up to 255 characters. Text that names no
 * known operation gives {@link QuerySummary#UNKNOWN}; this never throws.
 *
 * <p>Cost: a tokenising pass and a list per call, microseconds; callers cache the result per text.
 */
public final class SqlSummariser {

  static final int MAX_SUMMARY_LENGTH = 255;
  private static final int MAX_NAME_LENGTH = 128;

  /** Words that may stand between a keyword and the table it introduces. */
  private static final Set<String> TABLE_MODIFIERS = Set.of("INTO", "FROM", "ONLY", "LATERAL", "TABLE", "IF", "NOT",
      "EXISTS", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "OR", "REPLACE", "ABORT", "FAIL",
      "ROLLBACK", "OVERWRITE");

  /** Words that end a table reference, so that they are never taken for an alias. */
  private static final Set<String> ENDS_TABLE = Set.of("WHERE", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT",
      "FULL", "OUTER", "CROSS", "NATURAL", "STRAIGHT_JOIN", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH",
      "UNION", "INTERSECT", "EXCEPT", "MINUS", "SET", "VALUES", "VALUE", "SELECT", "RETURNING", "FOR", "WINDOW",
      "DEFAULT", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IN", "INTO", "FROM", "WITH", "TABLESAMPLE",
      "PARTITION", "OUTPUT", "OVERRIDING", "QUALIFY", "CONNECT", "START", "OPTION", "LOCK", "USE", "FORCE", "IGNORE",
      "LATERAL", "APPLY", "PIVOT", "UNPIVOT", "ADD", "RENAME", "MODIFY", "COLUMN", "CONSTRAINT", "PRIMARY", "DROP",
      "ALTER", "CASCADE", "RESTRICT", "KEY", "AS");

  /** Words between CREATE/DROP/ALTER and the kind of object. */
  private static final Set<String> DDL_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "GLOBAL", "LOCAL",
      "UNLOGGED", "UNIQUE", "MEMORY", "CACHED", "MATERIALIZED", "FORCE", "EXTERNAL", "VIRTUAL", "TRANSIENT",
      "VOLATILE", "CLUSTERED", "NONCLUSTERED", "RECURSIVE");

  /** Operations recognised only where a statement begins. */
  private static final Set<String> SIMPLE_OPERATIONS = Set.of("SET", "SHOW", "BEGIN", "START", "COMMIT", "ROLLBACK",
      "SAVEPOINT", "RELEASE", "GRANT", "REVOKE", "LOCK", "VALUES", "EXPLAIN", "ANALYZE", "VACUUM", "USE", "DECLARE",
      "COPY", "COMMENT", "REFRESH", "REINDEX", "CHECKPOINT", "PRAGMA");

  private SqlSummariser() {}

  /** The summary of {@code sql}; {@link QuerySummary#UNKNOWN} for null, empty or unrecognised text. */
  public static QuerySummary summarise(String sql) {
    if (sql == null || sql.isBlank()) {
      return QuerySummary.UNKNOWN;
    }
    try {
      return new Parser(SqlTokens.of(sql)).parse();
    } catch (RuntimeException e) {
      return QuerySummary.UNKNOWN; // a summary is a nicety: odd text must never fail the statement
    }
  }

  /** What a parenthesised level is in the middle of. */
  private enum Clause { NONE, SELECT, INSERT, UPDATE, DELETE, MERGE, TABLE_DDL, INDEX_DDL }

  /** What the next word means at this level. */
  private enum Expect { NOTHING, TABLE, AFTER_TABLE, PROCEDURE }

  /** Where in a {@code WITH name AS (...), ...} prefix the statement is. */
  private enum Cte { NONE, NAME, BEFORE_AS, BEFORE_BODY, AFTER_BODY }

  /** One parenthesised level. */
  private static final class Level {
    Clause clause = Clause.NONE;
    Expect expect = Expect.NOTHING;
    boolean list;
    /** In FROM, JOIN and USING a name followed by '(' is a table function; elsewhere '(' opens a column list. */
    boolean functionsAllowed;
    boolean fromSeen;
    boolean cteBody;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private final List<String> parts = new ArrayList<>();
    private int i;

    // The first statement's answers.
    private int statement;
    private boolean statementHasTokens;
    private String operation;
    private String collection;
    private String firstTable;

    // The current statement.
    private final Set<String> cteNames = new HashSet<>();
    private final ArrayDeque<Level> outer = new ArrayDeque<>();
    private Level level = new Level();
    private int cteBodies;
    private Cte cte = Cte.NONE;
    private boolean atStart = true;
    private boolean inCallEscape;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    QuerySummary parse() {
      for (i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.punct() != ';') {
          statementHasTokens = true;
        }
        switch (t.kind()) {
          case PUNCT -> punctuation(t.punct());
          case VALUE -> {
            atStart = false;
            if (level.expect == Expect.TABLE || level.expect == Expect.PROCEDURE) {
              level.expect = Expect.NOTHING;
            }
          }
          default -> word(t);
        }
      }
      if (operation == null) {
        return parts.isEmpty() ? QuerySummary.UNKNOWN : new QuerySummary("", "", summaryText());
      }
      String table = collection != null ? collection : firstTable != null ? firstTable : "";
      return new QuerySummary(operation, table, summaryText());
    }

    private void punctuation(char c) {
      switch (c) {
        case ';' -> endStatement();
        case '(' -> open();
        case ')' -> close();
        case ',' -> {
          atStart = false;
          if (level.expect == Expect.AFTER_TABLE && level.list) {
            level.expect = Expect.TABLE;
          } else if (cte == Cte.AFTER_BODY && outer.isEmpty()) {
            cte = Cte.NAME;
          }
        }
        case '{' -> {
          atStart = true;
          inCallEscape = true;
        }
        case '}' -> inCallEscape = false;
        case '?', '=' -> atStart = atStart && inCallEscape;
        default -> {
          atStart = false;
          if (level.expect == Expect.AFTER_TABLE) {
            level.expect = Expect.NOTHING;
          }
        }
      }
    }

    private void open() {
      Level inner = new Level();
      if (level.expect == Expect.TABLE) {
        level.expect = Expect.AFTER_TABLE; // a derived table; an alias may follow its ')'
      } else if (cte == Cte.BEFORE_BODY && outer.isEmpty()) {
        inner.cteBody = true;
        cteBodies++;
      }
      outer.push(level);
      level = inner;
      atStart = true;
    }

    private void close() {
      atStart = false;
      if (outer.isEmpty()) {
        return;
      }
      boolean wasCteBody = level.cteBody;
      level = outer.pop();
      if (wasCteBody) {
        cteBodies--;
        cte = Cte.AFTER_BODY;
        atStart = true;
      }
    }

    private void endStatement() {
      if (statementHasTokens) {
        statement++;
      }
      statementHasTokens = false;
      cteNames.clear();
      outer.clear();
      level = new Level();
      cteBodies = 0;
      cte = Cte.NONE;
      atStart = true;
      inCallEscape = false;
    }

    private void word(Token t) {
      String upper = t.kind() == Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : null;
      if (cte != Cte.NONE && outer.isEmpty() && cteDefinition(t, upper)) {
        return;
      }
      switch (level.expect) {
        case TABLE -> {
          if (upper == null || !TABLE_MODIFIERS.contains(upper)) {
            table();
          }
          return;
        }
        case PROCEDURE -> {
          String name = qualifiedName();
          level.expect = Expect.NOTHING;
          atStart = false;
          if (name != null) {
            part(name);
          }
          return;
        }
        case AFTER_TABLE -> {
          if (upper == null || !ENDS_TABLE.contains(upper)) {
            atStart = false;
            return; // an alias
          }
          if (upper.equals("AS")) {
            return; // an alias follows
          }
          level.expect = Expect.NOTHING;
        }
        default -> { }
      }
      boolean wasAtStart = atStart;
      atStart = false;
      if (upper != null) {
        keyword(upper, wasAtStart);
      }
    }

    /** Handles the word if it belongs to a {@code WITH} prefix; false once the main statement begins. */
    private boolean cteDefinition(Token t, String upper) {
      switch (cte) {
        case NAME -> {
          if (!"RECURSIVE".equals(upper)) {
            cteNames.add(unquoted(t.text()));
            cte = Cte.BEFORE_AS;
          }
          return true;
        }
        case BEFORE_AS -> {
          if ("AS".equals(upper)) {
            cte = Cte.BEFORE_BODY;
          }
          return true;
        }
        case BEFORE_BODY -> {
          return true; // NOT MATERIALIZED, MATERIALIZED
        }
        default -> {
          cte = Cte.NONE; // AFTER_BODY: this word begins the main statement
          atStart = true;
          return false;
        }
      }
    }

    private void keyword(String word, boolean wasAtStart) {
      switch (word) {
        case "SELECT" -> {
          operation("SELECT");
          level.clause = Clause.SELECT;
          level.fromSeen = false;
        }
        case "FROM" -> {
          boolean fromClause = level.clause == Clause.SELECT || level.clause == Clause.UPDATE
              || level.clause == Clause.DELETE;
          if (fromClause && !level.fromSeen && !previousWordIs("DISTINCT")) {
            level.fromSeen = true;
            expectFromList();
          }
        }
        case "JOIN" -> {
          if (level.clause == Clause.SELECT || level.clause == Clause.UPDATE || level.clause == Clause.DELETE) {
            expectFromList();
          }
        }
        case "USING" -> {
          if (level.clause == Clause.MERGE || level.clause == Clause.DELETE) {
            expectFromList();
          }
        }
        case "ON" -> {
          if (level.clause == Clause.INDEX_DDL) {
            expectTables(false);
          }
        }
        case "UNION", "INTERSECT", "EXCEPT", "MINUS" -> level.clause = Clause.NONE;
        default -> {
          if (wasAtStart) {
            statementKeyword(word);
          }
        }
      }
    }

    /** A keyword where a statement begins. */
    private void statementKeyword(String word) {
      switch (word) {
        case "WITH" -> {
          if (outer.isEmpty()) {
            cte = Cte.NAME;
          }
          atStart = true;
        }
        case "INSERT", "REPLACE", "UPSERT" -> dml(word, Clause.INSERT);
        case "UPDATE" -> dml(word, Clause.UPDATE);
        case "DELETE" -> dml(word, Clause.DELETE);
        case "MERGE" -> dml(word, Clause.MERGE);
        case "CALL", "EXEC", "EXECUTE" -> {
          operation(word);
          level.expect = Expect.PROCEDURE;
        }
        case "CREATE", "DROP", "ALTER" -> ddl(word);
        case "TRUNCATE" -> {
          operation(word);
          level.clause = Clause.TABLE_DDL;
          expectTables(true);
        }
        default -> {
          if (SIMPLE_OPERATIONS.contains(word)) {
            operation(word);
            atStart = word.equals("EXPLAIN") || word.equals("ANALYZE");
          }
        }
      }
    }

    private void dml(String word, Clause clause) {
      operation(word);
      level.clause = clause;
      level.fromSeen = clause == Clause.DELETE ? false : level.fromSeen;
      expectTables(false);
    }

    /** {@code CREATE [OR REPLACE] [TEMPORARY] TABLE|VIEW|INDEX|... name}. */
    private void ddl(String verb) {
      int j = i + 1;
      while (j < tokens.size() && isWord(j) && DDL_MODIFIERS.contains(upper(j))) {
        j++;
      }
      if (j >= tokens.size() || !isWord(j)) {
        operation(verb);
        return;
      }
      String object = upper(j);
      operation(verb + " " + object);
      i = j;
      switch (object) {
        case "TABLE", "VIEW" -> {
          level.clause = Clause.TABLE_DDL;
          expectTables(verb.equals("DROP"));
        }
        case "INDEX" -> level.clause = Clause.INDEX_DDL;
        default -> { }
      }
    }

    private void expectTables(boolean list) {
      level.expect = Expect.TABLE;
      level.list = list;
      level.functionsAllowed = false;
    }

    /** A FROM, JOIN or USING list: tables, derived tables or table functions. */
    private void expectFromList() {
      expectTables(true);
      level.functionsAllowed = true;
    }

    /** At a table reference: records the table, unless it is a function call or a WITH name. */
    private void table() {
      String name = qualifiedName();
      level.expect = Expect.AFTER_TABLE;
      atStart = false;
      boolean functionCall = level.functionsAllowed && i + 1 < tokens.size() && tokens.get(i + 1).punct() == '(';
      if (name == null || functionCall || name.equalsIgnoreCase("DUAL") || cteNames.contains(unquoted(name))) {
        return;
      }
      part(name);
      if (statement == 0) {
        if (firstTable == null) {
          firstTable = name;
        }
        if (collection == null && operation != null && cteBodies == 0) {
          collection = name;
        }
      }
    }

    /** {@code a}, {@code a.b}, {@code "a"."b"} from the current token on; null if too long to be a name. */
    private String qualifiedName() {
      StringBuilder name = new StringBuilder(tokens.get(i).text());
      while (i + 2 < tokens.size() && tokens.get(i + 1).punct() == '.'
          && (isWord(i + 2) || tokens.get(i + 2).kind() == Kind.QUOTED)) {
        name.append('.').append(tokens.get(i + 2).text());
        i += 2;
      }
      return name.length() > MAX_NAME_LENGTH ? null : name.toString();
    }

    private void operation(String name) {
      part(name);
      if (statement == 0 && operation == null && cteBodies == 0) {
        operation = name;
      }
    }

    private void part(String text) {
      parts.add(text);
    }

    private String summaryText() {
      StringBuilder summary = new StringBuilder();
      for (String part : parts) {
        if (summary.length() + 1 + part.length() > MAX_SUMMARY_LENGTH) {
          break;
        }
        if (summary.length() > 0) {
          summary.append(' ');
        }
        summary.append(part);
      }
      return summary.toString();
    }

    private boolean previousWordIs(String word) {
      return i > 0 && isWord(i - 1) && upper(i - 1).equals(word);
    }

    private boolean isWord(int index) {
      return tokens.get(index).kind() == Kind.WORD;
    }

    private String upper(int index) {
      return tokens.get(index).text().toUpperCase(Locale.ROOT);
    }

    /** A name as the database compares it, for matching WITH names: quotes removed, case folded. */
    private static String unquoted(String name) {
      if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
        return name.substring(1, name.length() - 1);
      }
      return name.toLowerCase(Locale.ROOT);
    }
  }
}
