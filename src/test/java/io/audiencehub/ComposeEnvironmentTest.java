package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files start the hub as written. No Docker engine runs here, so each test reads a hub
 * service's environment from the file (anchors, merge keys and {@code ${...}} interpolation resolved as
 * Compose does, from what the file's header tells the operator to set), starts the hub with exactly
 * that environment, only its database pointed at the test database, and waits for readiness.
 */
@Tag("database")
class ComposeEnvironmentTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final String TOKEN_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path keys;

    @Test
    void theSingleHubComposeFileStartsTheHubInProdWithOnlyTheAdminPasswordSet() throws IOException {
        Map<String, String> environment = serviceEnvironment(Path.of("docker/docker-compose.yml"), "app",
                Map.of("AUDIENCEHUB_ADMIN_PASSWORD", "an-operator-password"));
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        // the key file's folder is the hub-keys volume in the container; here a folder of the test's
        Path keyFile = keys.resolve(Path.of(environment.get("AUDIENCEHUB_CRYPTO_TOKENKEYFILE")).getFileName());
        environment.put("AUDIENCEHUB_CRYPTO_TOKENKEYFILE", keyFile.toString());

        startsReady(environment, "compose_single");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void eachHubOfTheClusterComposeFileStartsWithWhatItsHeaderSays() throws IOException {
        Map<String, String> operator = Map.of("AUDIENCEHUB_ADMIN_PASSWORD", "an-operator-password",
                "AUDIENCEHUB_CRYPTO_TOKENKEY", TOKEN_KEY);
        for (String hub : new String[] {"hub1", "hub2"}) {
            Map<String, String> environment = serviceEnvironment(Path.of("docker/cluster/compose.yaml"), hub, operator);
            assertThat(environment).as(hub).containsEntry("AUDIENCEHUB_CRYPTO_TOKENKEY", TOKEN_KEY)
                    .containsKey("AUDIENCEHUB_HEAP_CLIENTID");
            startsReady(environment, "compose_cluster");
        }
    }

    private static void startsReady(Map<String, String> environment, String schema) {
        Map<String, Object> pointed = new HashMap<>(environment);
        pointed.put("AUDIENCEHUB_DB_URL", TestDatabase.url(schema));
        // the test database's own account, in its URL: the compose file's belongs to its MariaDB container
        pointed.remove("AUDIENCEHUB_DB_USER");
        pointed.remove("AUDIENCEHUB_DB_PASSWORD");
        // named as Spring Boot names an environment's variables, so that they bind as real ones do
        StandardEnvironment hubEnvironment = new StandardEnvironment();
        hubEnvironment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, pointed));
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(Application.class)
                .environment(hubEnvironment).run("--server.port=0")) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            HttpResponse<String> readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            assertThat(hub.getEnvironment().getActiveProfiles()).containsExactly("prod");
        }
    }

    /** A service's environment as Compose gives it to the container; a variable the file requires must be set. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> serviceEnvironment(Path file, String service, Map<String, String> operator)
            throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(file));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        assertThat(definition).as("service " + service + " in " + file).isNotNull();
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) definition.get("environment")).forEach((name, value) ->
                environment.put(name, interpolate(String.valueOf(value), operator, file)));
        return environment;
    }

    private static String interpolate(String value, Map<String, String> operator, Path file) {
        Matcher reference = INTERPOLATION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String set = operator.get(reference.group(1));
            String operation = reference.group(2);
            boolean missing = set == null || (operation != null && operation.startsWith(":") && set.isEmpty());
            String replacement;
            if (!missing) {
                replacement = set;
            } else if (operation != null && operation.endsWith("?")) {
                throw new AssertionError(file + " requires " + reference.group(1) + ": " + reference.group(3));
            } else {
                replacement = operation == null ? "" : reference.group(3);
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(resolved).toString();
    }
}
