package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.base.StartupRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code prod} profile starts only once the operator has configured what production needs. */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    private static final String TOKEN_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void withoutAnExternalDatabaseItRefusesToStartAndSaysWhichSettingToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("--audiencehub.admin.password=an-admin-password"))
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("embedded MariaDB is not allowed");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Set AUDIENCEHUB_DB_URL");
    }

    @Test
    void withoutAnAdminPasswordOrSingleSignOnItRefusesToStart() {
        assertThatThrownBy(() -> start("--audiencehub.db.url=" + TestDatabase.url("prod_refused")))
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("Nobody could sign in")
                .satisfies(e -> assertThat(((StartupRefusedException) e).action())
                        .contains("AUDIENCEHUB_ADMIN_PASSWORD"));
    }

    @Test
    void withoutAKeyForTheProviderTokensItRefusesToStart() {
        assertThatThrownBy(() -> start("--audiencehub.db.url=" + TestDatabase.url("prod_refused"),
                "--audiencehub.admin.password=an-admin-password", "--audiencehub.crypto.token-key="))
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("No key to encrypt provider access tokens")
                .satisfies(e -> assertThat(((StartupRefusedException) e).action()).contains("AUDIENCEHUB_CRYPTO_TOKENKEY"));
    }

    @Test
    void withTheSandboxProfileItRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod,sandbox",
                "--audiencehub.db.url=" + TestDatabase.url("prod_refused"),
                "--audiencehub.admin.password=an-admin-password"))
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("started with the sandbox profile");
    }

    @Test
    void withAnAdminPasswordItStartsWithThatAdminWithoutTheDemoOneAndWithoutTheSandbox() {
        try (ConfigurableApplicationContext app = start(
                "--audiencehub.db.url=" + TestDatabase.url("prod"),
                "--audiencehub.admin.password=a-long-production-secret",
                "--audiencehub.metrics.password=the-scraper-secret")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            String prometheus = base + "/actuator/prometheus";
            assertThat(Http.get(prometheus, "metrics", "the-scraper-secret").statusCode()).isEqualTo(200);
            assertThat(Http.get(prometheus, "admin", "a-long-production-secret").statusCode())
                    .as("people's passwords are never accepted over HTTP Basic").isEqualTo(401);
            assertThat(Http.get(prometheus, "admin", "admin").statusCode()).isEqualTo(401);
            assertThat(Http.get(base + "/sandbox/heap/api/partner/oauth/authorize?client_id=x").headers()
                    .firstValue("Location")).as("no Heap sandbox in prod: only the sign-in answers")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(app.getBean(JdbcClient.class).sql("""
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = DATABASE() AND table_name LIKE 'sandbox_heap%'
                            """).query(String.class).list())
                    .as("the sandbox's changesets run only in its context").isEmpty();
            assertThat(Http.get(base + "/login").headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
        }
    }

    private static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0"));
        args.addAll(List.of(settings));
        if (args.stream().noneMatch(arg -> arg.startsWith("--audiencehub.crypto.token-key="))) {
            args.add("--audiencehub.crypto.token-key=" + TOKEN_KEY);
        }
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }
}
