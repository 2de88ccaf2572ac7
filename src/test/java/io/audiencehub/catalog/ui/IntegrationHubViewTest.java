package io.audiencehub.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.ui.ProviderConnectorsView;
import io.audiencehub.connector.ui.PushView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationHubViewTest extends KaribuTest {

    @BeforeEach
    void openTheHub() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(IntegrationHubView.class);
    }

    @Test
    void thePullTabListsPullProvidersAndThePushTabPushProviders() {
        assertThat(cardTitles()).containsExactly("Heap Analytics", "Custom source", "CSV audiences", "Amplitude",
                "Mixpanel", "Google Analytics 4");

        _get(Tabs.class).setSelectedIndex(1);
        assertThat(cardTitles()).as("Push tells Heap and Mixpanel which campaigns visitors see")
                .containsExactly("Heap Analytics", "Mixpanel", "Braze", "Customer.io");
    }

    @Test
    void theSearchFiltersCardsAndSaysWhenNothingMatches() {
        _setValue(_get(TextField.class, spec -> spec.withId("provider-search")), "héap");
        assertThat(cardTitles()).containsExactly("Heap Analytics");

        _setValue(_get(TextField.class, spec -> spec.withId("provider-search")), "salesforce");
        assertThat(cardTitles()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-provider")).getText())
                .isEqualTo("No provider matches \"salesforce\".");
    }

    @Test
    void providersThatDoNotWorkYetSaySoAndOfferNoSetup() {
        Card amplitude = _get(Card.class, spec -> spec.withId("provider-amplitude"));
        assertThat(_get(amplitude, Span.class, spec -> spec.withText("Not available yet")).isVisible()).isTrue();
        assertThat(_find(amplitude, Button.class)).isEmpty();
    }

    @Test
    void openingHeapShowsItsConnectorPage() {
        Card heap = _get(Card.class, spec -> spec.withId("provider-heap"));
        _click(_get(heap, Button.class, spec -> spec.withText("Open")));

        _get(ProviderConnectorsView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("integrations/hub/heap");
    }

    @Test
    void openingMixpanelUnderPushShowsThePushPageOfMixpanelConnectors() {
        _get(Tabs.class).setSelectedIndex(1);
        Card mixpanel = _get(Card.class, spec -> spec.withId("provider-mixpanel-push"));
        _click(_get(mixpanel, Button.class, spec -> spec.withText("Open")));

        _get(PushView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("integrations/hub/mixpanel/push");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Mixpanel (Push) | Audience Hub");
    }

    private static List<String> cardTitles() {
        return _find(Card.class).stream().map(Card::getTitleAsText).toList();
    }
}
