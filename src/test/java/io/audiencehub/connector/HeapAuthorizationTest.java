package io.audiencehub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.IntegrationTest;
import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The OAuth 2.0 round trip between the hub and the Heap sandbox over real HTTP: the consent page and
 * the decision as a browser sends them, the code exchange and the metadata call as the hub makes them.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
@ExtendWith(OutputCaptureExtension.class)
class HeapAuthorizationTest extends IntegrationTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    TokenCipher cipher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    private final HeapSandboxBrowser browser = new HeapSandboxBrowser();
    private SandboxEnvironment environment;

    @BeforeEach
    void browsingTheHub() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("localhost");
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        environment = sandbox.createEnvironment("Store " + UUID.randomUUID());
    }

    @AfterEach
    void leaveTheHub() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void allowingInHeapValidatesTheConnectorWithItsTokenIdAndEnvironment(CapturedOutput output) throws Exception {
        String name = unique("Production");
        String authorize = heapAuthorization.start("heap", name);
        Map<String, String> request = HeapSandboxBrowser.query(authorize);
        assertThat(authorize).startsWith(baseUrl() + "/sandbox/heap/api/partner/oauth/authorize?");
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", "audience-hub-sandbox")
                .containsEntry("scope", "segment").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", baseUrl() + "/integrations/heap/oauth/callback")
                .containsKeys("state", "code_challenge");
        long id = connectorNamed(name).id();
        assertThat(connectors.find(id).orElseThrow().state()).isEqualTo(ConnectorState.PENDING_AUTHORIZATION);

        Map<String, String> answer = HeapSandboxBrowser.query(browser.decide(authorize, "allow", environment.id()));
        AuthorizationOutcome outcome = complete(answer);

        assertThat(outcome).isEqualTo(new AuthorizationOutcome(id, null));
        Connector connector = connectors.find(id).orElseThrow();
        assertThat(connector.state()).isEqualTo(ConnectorState.VALIDATED);
        assertThat(connector.tokenId()).isEqualTo(environment.idToken());
        assertThat(connector.environmentName()).isEqualTo(environment.name());
        assertThat(connectors.audit(id, 0, 10)).extracting(ConnectorAuditEntry::action)
                .containsExactly(ConnectorAuditAction.VALIDATED, ConnectorAuditAction.CREATED);

        byte[] stored = jdbc.sql("SELECT access_token FROM connector WHERE id = ?").param(id).query(byte[].class).single();
        String accessToken = cipher.decrypt(stored);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(accessToken);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_heap_access_token WHERE token_sha256 = ?")
                .param(accessToken).query(Integer.class).single()).as("the sandbox keeps only a hash").isZero();
        assertThat(output.getAll()).doesNotContain(accessToken);
    }

    @Test
    void denyingInHeapFailsTheConnectorWithTheReason() throws Exception {
        String name = unique("Denied");
        Map<String, String> answer = consentAnswer(name, "deny", environment.id());

        assertThat(answer).containsEntry("error", "access_denied").doesNotContainKey("code");
        heapAuthorization.complete(answer.get("state"), null, answer.get("error"), answer.get("error_description"));
        assertFailed(name, "You clicked Deny in Heap");
    }

    @Test
    void anAnswerWithoutStateOrWithAnUnknownStateChangesNothing() {
        int before = connectorCount();
        assertThat(heapAuthorization.complete(null, "some-code", null, null).problem())
                .isEqualTo(AuthorizationProblem.STATE_MISSING);
        assertThat(heapAuthorization.complete("forged-state", "some-code", null, null).problem())
                .isEqualTo(AuthorizationProblem.STATE_UNKNOWN);
        assertThat(connectorCount()).isEqualTo(before);
    }

    @Test
    void aReplayedAnswerIsRefusedAndTheValidatedConnectorStaysAsItWas() throws Exception {
        String name = unique("Replayed");
        Map<String, String> answer = consentAnswer(name, "allow", environment.id());
        complete(answer);
        Connector validated = connectorNamed(name);

        AuthorizationOutcome replay = complete(answer);

        assertThat(replay.problem()).isEqualTo(AuthorizationProblem.STATE_REPLAYED);
        assertThat(connectorNamed(name)).isEqualTo(validated);
    }

    @Test
    void anAnswerFromAnotherUsersAuthorizationChangesNothing() throws Exception {
        String name = unique("Someone else's");
        Map<String, String> answer = consentAnswer(name, "allow", environment.id());
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_ADMIN"));
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("bob", null, authorities));

        assertThat(complete(answer).problem())
                .isEqualTo(AuthorizationProblem.OTHER_USER);
        assertThat(connectorNamed(name).state()).isEqualTo(ConnectorState.PENDING_AUTHORIZATION);
    }

    @Test
    void aCodeThatIsInvalidReusedOrExpiredFailsTheConnectorWithHeapsReason() throws Exception {
        String invalid = unique("Invalid code");
        String state = HeapSandboxBrowser.query(heapAuthorization.start("heap", invalid)).get("state");
        heapAuthorization.complete(state, "not-a-code-heap-issued", null, null);
        assertFailed(invalid, "Heap refused the authorization code (invalid_grant: Unknown authorization code.)");

        String first = unique("First");
        Map<String, String> used = consentAnswer(first, "allow", environment.id());
        complete(used);
        String reused = unique("Reused code");
        String reusedState = HeapSandboxBrowser.query(heapAuthorization.start("heap", reused)).get("state");
        heapAuthorization.complete(reusedState, used.get("code"), null, null);
        assertFailed(reused, "The authorization code was already used");

        String late = unique("Expired code");
        Map<String, String> lateAnswer = consentAnswer(late, "allow",
                sandbox.createEnvironment("Late store " + UUID.randomUUID()).id());
        jdbc.sql("UPDATE sandbox_heap_authorization_code SET created_at = created_at - INTERVAL 61 SECOND WHERE code = ?")
                .param(lateAnswer.get("code")).update();
        complete(lateAnswer);
        assertFailed(late, "The authorization code expired (codes live 60 s)");
    }

    @Test
    void anAuthorizationLeftOpenTooLongExpires() throws Exception {
        String name = unique("Slow user");
        Map<String, String> answer = consentAnswer(name, "allow", environment.id());
        jdbc.sql("UPDATE connector_authorization SET created_at = created_at - INTERVAL 11 MINUTE WHERE state = ?")
                .param(answer.get("state")).update();

        complete(answer);
        assertFailed(name, "took longer than 10 minutes");
    }

    @Test
    void theSameHeapEnvironmentCannotBeConnectedTwiceAndTheRefusalNamesTheConnectorHoldingIt() throws Exception {
        String holder = unique("Holder");
        Map<String, String> answer = consentAnswer(holder, "allow", environment.id());
        complete(answer);

        String second = unique("Second");
        Map<String, String> secondAnswer = consentAnswer(second, "allow", environment.id());
        complete(secondAnswer);

        assertFailed(second, "is already connected as connector \"" + holder + "\"");
        assertThat(connectorNamed(holder).state()).isEqualTo(ConnectorState.VALIDATED);
    }

    @Test
    void namesAreRequiredAtMost80CharactersAndUnique() {
        int before = connectorCount();
        assertThatThrownBy(() -> heapAuthorization.start("heap", "  ")).hasMessage("Give the connector a name.");
        assertThatThrownBy(() -> heapAuthorization.start("heap", "x".repeat(81)))
                .hasMessage("The name has 81 characters; use at most 80.");
        String taken = unique("Taken");
        heapAuthorization.start("heap", taken);
        assertThatThrownBy(() -> heapAuthorization.start("heap", taken))
                .hasMessage("A connector named \"" + taken + "\" already exists. Choose another name.");
        assertThatThrownBy(() -> heapAuthorization.start("amplitude", unique("Amp")))
                .hasMessageContaining("not available yet");
        assertThat(connectorCount()).isEqualTo(before + 1);
    }

    @Test
    void renamingDisconnectingAndDeletingAreAuditedAndDeletionIsRefusedWhileSomethingDependsOnTheConnector()
            throws Exception {
        String name = unique("Lifecycle");
        Map<String, String> answer = consentAnswer(name, "allow", environment.id());
        long id = complete(answer).connectorId();

        connectors.rename(id, name + " renamed");
        connectors.disconnect(id);
        Connector disconnected = connectors.find(id).orElseThrow();
        assertThat(disconnected.state()).isEqualTo(ConnectorState.DISCONNECTED);
        assertThat(jdbc.sql("SELECT access_token FROM connector WHERE id = ?").param(id).query(byte[].class).optional())
                .as("the token is forgotten").isEmpty();
        assertThat(connectors.audit(id, 0, 10)).extracting(ConnectorAuditEntry::action)
                .containsExactly(ConnectorAuditAction.DISCONNECTED, ConnectorAuditAction.RENAMED,
                        ConnectorAuditAction.VALIDATED, ConnectorAuditAction.CREATED);

        DependentsForTests.add(id, "3 audiences");
        try {
            assertThatThrownBy(() -> connectors.delete(id)).isInstanceOf(ConnectorException.class)
                    .hasMessage("Connector \"" + name + " renamed\" cannot be deleted: 3 audiences depend on it."
                            + " Disconnect it instead, which keeps them.");
        } finally {
            DependentsForTests.clear();
        }
        connectors.delete(id);
        assertThat(connectors.find(id)).isEmpty();
        assertThat(connectors.audit(id, 0, 10)).extracting(ConnectorAuditEntry::action).first().isEqualTo(ConnectorAuditAction.DELETED);
    }

    @Test
    @WithMockUser(username = "vera", roles = "VIEWER")
    void aViewerCannotSetUpOrChangeConnectors() {
        assertThatThrownBy(() -> heapAuthorization.start("heap", unique("Viewer")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> heapAuthorization.complete("state", "code", null, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Starts a setup named {@code name} and answers Heap's consent page; returns Heap's answer to the hub. */
    private Map<String, String> consentAnswer(String name, String decision, long environmentId) throws Exception {
        return HeapSandboxBrowser.query(browser.decide(heapAuthorization.start("heap", name), decision, environmentId));
    }

    private AuthorizationOutcome complete(Map<String, String> heapAnswer) {
        return heapAuthorization.complete(heapAnswer.get("state"), heapAnswer.get("code"), null, null);
    }

    private void assertFailed(String name, String reason) {
        Connector connector = connectorNamed(name);
        assertThat(connector.state()).isEqualTo(ConnectorState.FAILED);
        assertThat(connector.failureReason()).contains(reason);
        assertThat(connector.tokenId()).isNull();
        assertThat(connectors.audit(connector.id(), 0, 1)).extracting(ConnectorAuditEntry::action).containsExactly(ConnectorAuditAction.FAILED);
    }

    private Connector connectorNamed(String name) {
        long id = jdbc.sql("SELECT id FROM connector WHERE name = ?").param(name).query(Long.class).single();
        return connectors.find(id).orElseThrow();
    }

    private int connectorCount() {
        return jdbc.sql("SELECT COUNT(*) FROM connector").query(Integer.class).single();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
