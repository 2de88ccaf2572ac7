package io.audiencehub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private final ProviderCatalog catalog = new ProviderCatalog();

    @Test
    void searchMatchesNameAndDescriptionIgnoringCaseAndAccents() {
        assertThat(catalog.search(Provider.Direction.PULL, "HEAP")).extracting(Provider::id).containsExactly("heap");
        assertThat(catalog.search(Provider.Direction.PULL, "ÁnâlÿTICS")).extracting(Provider::id)
                .containsExactly("heap", "google-analytics-4");
        assertThat(catalog.search(Provider.Direction.PULL, "cohorts")).extracting(Provider::id)
                .containsExactly("amplitude", "mixpanel");
    }

    @Test
    void eachTabListsOnlyItsDirection() {
        assertThat(catalog.search(Provider.Direction.PUSH, "")).extracting(Provider::id)
                .containsExactly("heap-push", "braze", "customer-io");
        assertThat(catalog.search(Provider.Direction.PUSH, "heap")).extracting(Provider::id).containsExactly("heap-push");
        assertThat(catalog.search(Provider.Direction.PULL, "braze")).isEmpty();
    }

    @Test
    void onlyHeapIsAvailableTheOthersSaySo() {
        assertThat(catalog.find("heap")).hasValueSatisfying(heap -> {
            assertThat(heap.available()).isTrue();
            assertThat(heap.auth()).isEqualTo(Provider.AuthType.OAUTH2);
        });
        assertThat(catalog.find("braze")).hasValueSatisfying(braze -> assertThat(braze.available()).isFalse());
        assertThat(catalog.find("nope")).isEmpty();
    }
}
