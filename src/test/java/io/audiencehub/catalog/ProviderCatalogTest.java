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
                .containsExactly("heap-push", "mixpanel-push", "braze", "customer-io");
        assertThat(catalog.search(Provider.Direction.PUSH, "heap")).extracting(Provider::id).containsExactly("heap-push");
        assertThat(catalog.search(Provider.Direction.PULL, "braze")).isEmpty();
    }

    @Test
    void aPushEntryIsShownOnThePushPageOfTheSourceItTells() {
        assertThat(catalog.find("mixpanel-push")).hasValueSatisfying(push -> assertThat(push.page())
                .isEqualTo("mixpanel/push"));
        assertThat(catalog.find("mixpanel")).hasValueSatisfying(pull -> assertThat(pull.page()).isEqualTo("mixpanel"));
        assertThat(catalog.search(Provider.Direction.PUSH, "")).filteredOn(Provider::available)
                .allSatisfy(push -> assertThat(catalog.find(push.tells())).as(push.id() + " tells a Pull provider")
                        .hasValueSatisfying(pull -> assertThat(pull.direction()).isEqualTo(Provider.Direction.PULL)));
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
