package io.audiencehub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.connector.ConnectorKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every kind of connector is a provider of the catalogue, and every available Pull provider is a kind. */
class ConnectorKindsTest {

    private final ProviderCatalog catalog = new ProviderCatalog();

    @Test
    void kindsAndTheCataloguesAvailablePullProvidersAreTheSame() {
        assertThat(Arrays.stream(ConnectorKind.values()).map(ConnectorKind::providerId))
                .containsExactlyInAnyOrderElementsOf(catalog.search(Provider.Direction.PULL, "").stream()
                        .filter(Provider::available).map(Provider::id).toList());
        for (ConnectorKind kind : ConnectorKind.values()) {
            assertThat(ConnectorKind.of(kind.providerId())).hasValue(kind);
        }
        assertThat(ConnectorKind.of("amplitude")).as("listed, not available yet").isEmpty();
    }

    @Test
    void onlyHeapIsAuthorizedByOAuthHeapAndMixpanelArePushedToOnlyACustomSourceHasASecret() {
        assertThat(ConnectorKind.HEAP.setup()).isEqualTo(ConnectorKind.Setup.OAUTH);
        assertThat(ConnectorKind.MIXPANEL.proof()).isEqualTo(ConnectorKind.Proof.BASIC_CREDENTIALS);
        assertThat(Arrays.stream(ConnectorKind.values()).filter(ConnectorKind::canPush))
                .containsExactly(ConnectorKind.HEAP, ConnectorKind.MIXPANEL);
        assertThat(ConnectorKind.pushable()).allSatisfy(kind -> assertThat(catalog.search(Provider.Direction.PUSH, "")
                .stream().filter(Provider::available).map(Provider::tells)).as("a Push entry tells " + kind)
                .contains(kind.providerId()));
        assertThat(Arrays.stream(ConnectorKind.values()).filter(ConnectorKind::hasSigningSecret))
                .containsExactly(ConnectorKind.CUSTOM);
        assertThat(catalog.find("heap").map(Provider::auth)).hasValue(Provider.AuthType.OAUTH2);
    }
}
