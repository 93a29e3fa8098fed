package org.wardwatch.core.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Errors as they may be logged, printed and stored. A database rejecting a statement quotes what it
 * was given ({@code Value too long for column "TEXT": "'Happy birthday Doreen…' (100001)"}, a
 * PostgreSQL key detail), a JSON parser the text it choked on, and JDBI appends every value bound to
 * the statement; any of them can be patient text. Here such messages keep their words and lose every
 * quoted value; exceptions of other kinds, and every stack trace, are kept as they are.
 */
public final class Redacted {
    private static final List<String> QUOTING = List.of("java.sql.", "javax.sql.", "org.h2.", "org.postgresql.", "org.jdbi.",
            "com.fasterxml.jackson.", "com.zaxxer.", "org.flywaydb.", StoreException.class.getName());
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOUBLE_QUOTED_VALUE = Pattern.compile("\"'(?:[^']|'')*'[^\"]*\"");
    private static final Pattern KEY_VALUES = Pattern.compile("=\\([^)]*\\)");
    private static final Pattern STATEMENT_CONTEXT = Pattern.compile("\\s*\\[statement:.*", Pattern.DOTALL);

    private Redacted() {
    }

    /** A copy of an exception and its causes fit for a log: same types named, same stack traces, no quoted values. */
    public static Throwable of(Throwable e) {
        if (e == null) return null;
        Throwable copy = new Copy(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + message(e)), of(e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** The first line of an exception's message (its type when it has none), without quoted values. */
    public static String oneLine(Throwable e) {
        String m = message(e);
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }

    /** How JDBI describes a failed statement: the database's message, without the values bound to it. */
    public static String statement(org.jdbi.v3.core.statement.StatementException e) {
        Throwable cause = e.getCause();
        return cause == null ? "statement failed" : cause.getClass().getName() + ": " + redact(cause.getMessage());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null) return null;
        return quotes(e) ? redact(m) : m;
    }

    private static boolean quotes(Throwable e) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (QUOTING.stream().anyMatch(name::startsWith)) return true;
        }
        return false;
    }

    /** A message with every quoted value replaced by an ellipsis, and no statement context. */
    static String redact(String message) {
        if (message == null) return null;
        String m = STATEMENT_CONTEXT.matcher(message).replaceFirst("");
        m = DOUBLE_QUOTED_VALUE.matcher(m).replaceAll("\"'…'\"");
        m = SINGLE_QUOTED.matcher(m).replaceAll("'…'");
        return KEY_VALUES.matcher(m).replaceAll("=(…)");
    }

    /** A logged stand-in for an exception whose message held values. */
    static final class Copy extends RuntimeException {
        Copy(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
