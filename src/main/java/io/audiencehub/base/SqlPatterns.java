package io.audiencehub.base;

/** Search text made safe for SQL {@code LIKE}. */
public final class SqlPatterns {

    private SqlPatterns() {
    }

    /** A {@code LIKE} pattern matching any text that contains {@code text}, its wildcards taken literally. */
    public static String containing(String text) {
        String stripped = text == null ? "" : text.strip();
        return "%" + stripped.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
