package io.audiencehub.visitor;

import java.util.regex.Pattern;

/** What a visitor id may be: 1 to 64 letters, digits, '-' or '_'. */
public final class VisitorIds {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private VisitorIds() {
    }

    /** Why {@code id} is not a visitor id, or null when it is one. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "visitorId is missing: send {\"visitorId\": \"<1 to 64 letters, digits, - or _>\"}";
        }
        if (id.length() > MAX_LENGTH) {
            return "visitorId has " + id.length() + " characters; at most " + MAX_LENGTH + " are allowed";
        }
        if (!VALID.matcher(id).matches()) {
            return "visitorId may contain only letters, digits, '-' and '_'";
        }
        return null;
    }
}
