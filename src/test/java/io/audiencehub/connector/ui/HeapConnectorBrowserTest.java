package io.audiencehub.connector.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import io.audiencehub.BrowserTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The user's path from the Integration Hub to a validated Heap connector, in a real browser. */
class HeapConnectorBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminSetsUpAHeapConnectorAllowsItInHeapAndSeesItValidatedWithItsTokenId() {
        String environment = "Browser test store " + UUID.randomUUID().toString().substring(0, 8);
        String idToken = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO sandbox_heap_environment (id_token, name) VALUES (?, ?)").params(idToken, environment).update();
        String name = "Heap " + environment;

        signIn("admin", "admin");
        page.locator("vaadin-side-nav-item[path$='integrations/hub']").click();
        page.locator("#provider-search input").fill("heap");
        assertThat(page.locator("#provider-amplitude")).hasCount(0);
        page.locator("#provider-heap vaadin-button").getByText("Open").click();
        page.waitForURL("**/integrations/hub/heap");

        page.locator("#setup-connector").click();
        page.getByLabel("Connector name").fill(name);
        page.locator("#authorize-and-create").click();

        page.waitForURL("**/sandbox/heap/api/partner/oauth/authorize**");
        assertThat(page.locator("h1")).containsText("Allow Audience Hub integration to access your Heap environment");
        page.locator("#environment").selectOption(new SelectOption().setLabel(environment));
        assertThat(page.locator("#environment-name")).hasText(environment);
        screenshot("heap-consent");
        page.locator("#allow").click();

        page.waitForURL("**/integrations/hub/heap?connector=*");
        assertThat(page.locator("#authorization-result")).containsText("is validated");
        Locator validated = page.locator("#validated-connectors");
        assertThat(validated).containsText(name);
        assertThat(validated).containsText(environment);
        Object tokenIds = validated.locator("vaadin-text-field.token-id input").evaluateAll("inputs => inputs.map(i => i.value)");
        org.assertj.core.api.Assertions.assertThat(((List<?>) tokenIds).contains(idToken)).as("%s shows %s", tokenIds, idToken)
                .isTrue();
        screenshot("heap-connector-validated");
    }
}
