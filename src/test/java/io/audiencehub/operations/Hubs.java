package io.audiencehub.operations;

import io.audiencehub.Application;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.CustomSources;
import io.audiencehub.connector.HeapAuthorization;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.NewCustomSource;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.sync.WebhookDeliveries;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Whole hubs started and stopped by a test, each on the database its settings name. */
final class Hubs {

    private Hubs() {
    }

    /** A hub in the default profile (the sandbox on), on a free port, with {@code settings} as its command line. */
    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        Stream<String> arguments = Stream.concat(Stream.of("--server.port=0", "--vaadin.devmode.devTools.enabled=false"),
                settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()));
        return new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    /**
     * Fills a hub with {@link HubContents}, on a Heap connector made by the OAuth round trip and a custom
     * source whose signing secret is stored encrypted with the token key.
     */
    static Filled fill(ConfigurableApplicationContext hub) {
        int port = port(hub);
        ConnectorService connectors = hub.getBean(ConnectorService.class);
        SecurityContextHolderStrategy security = hub.getBean(SecurityContextHolderStrategy.class);
        Connector heap = HeapConnectorsForTests.connect(hub.getBean(HeapAuthorization.class), connectors,
                hub.getBean(SandboxOAuthService.class), security, port);
        NewCustomSource warehouse = HeapConnectorsForTests.asAdmin(security,
                () -> hub.getBean(CustomSources.class).create("Warehouse"));
        String key = HeapConnectorsForTests.asAdmin(security, () -> hub.getBean(ApiKeyService.class)
                .create("Operations check", Set.of(ApiKeyScope.SEGMENTS, ApiKeyScope.CAMPAIGNS))).secret();
        HubContents.write(port, new WebhookDeliveries(port), heap.tokenId(), heap.id(),
                WebhookDeliveries.toCustomSource(port, warehouse.connector().tokenId(), warehouse.signingSecret()),
                warehouse.connector().tokenId(), warehouse.connector().id(), key);
        return new Filled(key, warehouse.connector().tokenId(), warehouse.signingSecret());
    }

    /** The API key the contents were written with, and the custom source's id and signing secret. */
    record Filled(String apiKey, String customSourceId, String customSourceSecret) {

        /** Deliveries that the hub accepts only if it can decrypt the custom source's stored secret. */
        WebhookDeliveries toCustomSource(int port) {
            return WebhookDeliveries.toCustomSource(port, customSourceId, customSourceSecret);
        }
    }
}
