package io.audiencehub.connector;

import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Connects a fresh Heap sandbox environment through the real OAuth round trip, as an admin would. */
public final class HeapConnectorsForTests {

    private HeapConnectorsForTests() {
    }

    public static Connector connect(HeapAuthorization heapAuthorization, ConnectorService connectors,
                                    SandboxOAuthService sandbox, SecurityContextHolderStrategy security, int port) {
        return connectTo(heapAuthorization, connectors, sandbox, security, port,
                sandbox.createEnvironment("Store " + UUID.randomUUID().toString().substring(0, 8)).id());
    }

    /** Connects a new connector to an existing sandbox environment. */
    public static Connector connectTo(HeapAuthorization heapAuthorization, ConnectorService connectors,
                                      SandboxOAuthService sandbox, SecurityContextHolderStrategy security, int port,
                                      long environmentId) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("localhost");
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return asAdmin(security, () -> {
                String authorize = heapAuthorization.start(ConnectorKind.HEAP.providerId(),
                        "Heap " + UUID.randomUUID().toString().substring(0, 8));
                Map<String, String> answer = HeapSandboxBrowser.query(
                        new HeapSandboxBrowser().decide(authorize, "allow", environmentId));
                long id = heapAuthorization.complete(answer.get("state"), answer.get("code"), null, null)
                        .connectorId();
                return connectors.find(id).orElseThrow();
            });
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /** The sandbox environment a connector is connected to. */
    public static SandboxEnvironment environmentOf(SandboxOAuthService sandbox, Connector connector) {
        return sandbox.environments().stream().filter(environment -> environment.idToken().equals(connector.tokenId()))
                .findFirst().orElseThrow();
    }

    /** Runs {@code action} signed in as an admin, then restores who was signed in. */
    public static <T> T asAdmin(SecurityContextHolderStrategy security, Callable<T> action) {
        SecurityContext previousContext = security.getContext();
        security.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "admin", "n/a", List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException("Acting as admin failed", e);
        } finally {
            security.setContext(previousContext);
        }
    }
}
