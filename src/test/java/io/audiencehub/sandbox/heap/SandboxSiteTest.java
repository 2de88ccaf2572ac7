package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The demo site plays the environment a hub connected to, so that its visitors are the ones Heap exports there. */
class SandboxSiteTest extends HeapConnectedTest {

    @Test
    void withoutAChoiceTheSitePlaysTheEnvironmentConnectedLastAndOffersTheOthers() {
        SandboxEnvironment connected = HeapConnectorsForTests.environmentOf(sandbox, connector);

        HttpResponse<String> site = Http.get("http://localhost:" + port + "/sandbox/site");

        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.body()).contains("heap.load(\"" + connected.id() + "\")")
                .contains("<option value=\"" + connected.id() + "\" selected>" + connected.name() + "</option>")
                .contains(">Acme Store - Production</option>");
    }

    @Test
    void theEnvironmentAskedForIsTheOnePlayed() {
        SandboxEnvironment other = sandbox.environments().stream()
                .filter(environment -> !environment.idToken().equals(connector.tokenId())).findFirst().orElseThrow();

        String site = Http.get("http://localhost:" + port + "/sandbox/site?environment=" + other.id()).body();

        assertThat(site).contains("heap.load(\"" + other.id() + "\")")
                .contains("<option value=\"" + other.id() + "\" selected>");
    }
}
