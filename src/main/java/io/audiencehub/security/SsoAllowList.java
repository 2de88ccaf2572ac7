package io.audiencehub.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who of an issuer's accounts may sign in: a verified e-mail address of an allowed domain, an allowed
 * address, or a member of an allowed group. An address the issuer says is not verified counts for
 * nothing, since whoever holds the account chose it.
 */
final class SsoAllowList {

    private final SsoProperties sso;

    SsoAllowList(SsoProperties sso) {
        this.sso = sso;
    }

    boolean admits(Map<String, Object> claims) {
        String email = verifiedEmail(claims);
        if (email != null && (sso.allowedEmails().contains(email)
                || sso.allowedEmailDomains().contains(email.substring(email.lastIndexOf('@') + 1)))) {
            return true;
        }
        return values(claims.get(sso.groupsClaim())).stream().anyMatch(sso.allowedGroups()::contains);
    }

    /** The values of a claim given as one string or a list of strings. */
    static List<String> values(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        return values.stream().map(String::valueOf).toList();
    }

    private static String verifiedEmail(Map<String, Object> claims) {
        Object email = claims.get("email");
        if (!(email instanceof String address) || address.indexOf('@') < 1
                || Boolean.FALSE.equals(claims.get("email_verified"))
                || "false".equals(String.valueOf(claims.get("email_verified")))) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
