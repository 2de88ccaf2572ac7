package io.audiencehub.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a key opens, each scope picked by the admin who makes it: every key reads; the others each allow
 * one kind of change. A key acts as a viewer plus its {@code SCOPE_} authorities, never as an admin: the
 * filter chain refuses a change outside its scopes before it reaches a service, and each service that
 * changes something accepts an admin or the one scope that allows it ({@link #SEGMENTS_AUTHORITY} ...).
 */
public enum ApiKeyScope {
    READ("Read", "read connectors, audiences, segments and campaigns", null, ApiKeyScope.READ_AUTHORITY),
    SEGMENTS("Segments", "create, change and delete segments", "/api/v1/segments", ApiKeyScope.SEGMENTS_AUTHORITY),
    CAMPAIGNS("Campaigns", "create, change, start, pause, end and delete campaigns", "/api/v1/campaigns",
            ApiKeyScope.CAMPAIGNS_AUTHORITY),
    CONNECTORS("Connectors", "set a connector's guard on sudden audience changes, approve or reject the runs it held",
            "/api/v1/connectors", ApiKeyScope.CONNECTORS_AUTHORITY),
    AUDIENCES("Audiences", "list, add and remove the ids kept always in or always out of an audience",
            "/api/v1/audiences", ApiKeyScope.AUDIENCES_AUTHORITY),
    /** Reads too: which visitors were erased is an admin's to know. */
    ERASURE("Erasure", "erase visitors, list and lift erasures", "/api/v1/erasures", ApiKeyScope.ERASURE_AUTHORITY);

    public static final String READ_AUTHORITY = "SCOPE_read";
    public static final String SEGMENTS_AUTHORITY = "SCOPE_segments";
    public static final String CAMPAIGNS_AUTHORITY = "SCOPE_campaigns";
    public static final String CONNECTORS_AUTHORITY = "SCOPE_connectors";
    public static final String AUDIENCES_AUTHORITY = "SCOPE_audiences";
    public static final String ERASURE_AUTHORITY = "SCOPE_erasure";

    private final String label;
    private final String allows;
    private final String changes;
    private final String authority;

    ApiKeyScope(String label, String allows, String changes, String authority) {
        this.label = label;
        this.allows = allows;
        this.changes = changes;
        this.authority = authority;
    }

    /** The API paths whose changes the scope allows (erasures: reads too), as a filter-chain pattern. */
    String paths() {
        return changes + "/**";
    }

    /** The scope a request of a key needs, if any scope allows it. */
    static Optional<ApiKeyScope> neededFor(String method, String path) {
        if (ERASURE.covers(path)) {
            return Optional.of(ERASURE);
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Optional.of(READ);
        }
        return Arrays.stream(values()).filter(scope -> scope.covers(path)).findFirst();
    }

    private boolean covers(String path) {
        return changes != null && (path.equals(changes) || path.startsWith(changes + "/"));
    }

    /** Whether the request was signed in with an API key (every key reads): a server-side client. */
    public static boolean isApiKey(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> READ_AUTHORITY.equals(authority.getAuthority()));
    }

    public String label() {
        return label;
    }

    /** What the scope allows, in words for the admin who picks it. */
    public String allows() {
        return allows;
    }

    String authority() {
        return authority;
    }

    /** The scopes with READ, which every key has. */
    static Set<ApiKeyScope> withRead(Collection<ApiKeyScope> scopes) {
        EnumSet<ApiKeyScope> all = EnumSet.of(READ);
        all.addAll(scopes);
        return all;
    }

    /** How the database stores scopes: their names, comma-separated. */
    static String stored(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<ApiKeyScope> fromStored(String stored) {
        return Arrays.stream(stored.split(",")).filter(name -> !name.isBlank()).map(ApiKeyScope::valueOf)
                .collect(Collectors.toSet());
    }

    static List<GrantedAuthority> authorities(Set<ApiKeyScope> scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(Role.VIEWER.authority());
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        return authorities;
    }

    /** The scopes in words, as the keys' list shows them. */
    static String describe(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(ApiKeyScope::label).collect(Collectors.joining(", "));
    }
}
