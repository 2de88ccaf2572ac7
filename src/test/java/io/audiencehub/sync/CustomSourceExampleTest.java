package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The example of docs/custom-source.md, run as written with bash, openssl and curl against the hub. */
class CustomSourceExampleTest extends IntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("```sh\n(BODY=.*?)```", Pattern.DOTALL);

    @Autowired
    ConnectorService connectors;
    @Autowired
    AudienceService audiences;
    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void theDocumentedExampleDeliversAPageThatIsAppliedOnce() throws Exception {
        WebhookReceiverFixture source = CustomSourceFixtures.create(customSources, security, port);
        Matcher script = SCRIPT.matcher(Files.readString(Path.of("docs/custom-source.md")));
        assertThat(script.find()).as("the example script in docs/custom-source.md").isTrue();

        String first = run(script.group(1), source);
        assertThat(first).contains("\"status\":\"applied\"").contains("\"sync_task_id\":\"vip-2026-11-30\"");
        assertThat(run(script.group(1), source)).contains("\"status\":\"duplicate\"");

        assertThat(HeapConnectorsForTests.asAdmin(security, () -> audiences.page(source.connectorId(), "", false, 0, 10)))
                .singleElement().satisfies(audience -> {
                    assertThat(audience.name()).isEqualTo("VIP customers");
                    assertThat(audience.memberCount()).isEqualTo(2);
                });
    }

    private String run(String script, WebhookReceiverFixture source) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "-c", script).redirectErrorStream(true);
        bash.environment().put("HUB", "http://localhost:" + port);
        bash.environment().put("SOURCE_ID", source.tokenId());
        bash.environment().put("SECRET", source.deliveries().secret());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
