package io.audiencehub.catalog.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The catalogue of providers, under the tabs Pull and Push, with a search over names and descriptions. */
@Route("integrations/hub")
@PageTitle("Integration Hub | Audience Hub")
@Menu(title = "Integration Hub", order = 1, icon = "vaadin:plug")
@PermitAll
public class IntegrationHubView extends Composite<VerticalLayout> {

    /** Where a provider's own page lives; the connector feature serves it. */
    public static final String PROVIDER_ROUTE = "integrations/hub/";

    private final ProviderCatalog catalog;
    private final Tab pull = new Tab("Pull");
    private final Tab push = new Tab("Push");
    private final Tabs tabs = new Tabs(pull, push);
    private final TextField search = new TextField();
    private final Div cards = new Div();

    IntegrationHubView(ProviderCatalog catalog) {
        this.catalog = catalog;
        search.setPlaceholder("Search providers");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("provider-search");
        search.addValueChangeListener(event -> showProviders());
        tabs.addSelectedChangeListener(event -> showProviders());
        cards.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM, "provider-cards");
        cards.setId("provider-cards");

        getContent().add(new H2("Integration Hub"), tabs, search, cards);
        showProviders();
    }

    private void showProviders() {
        Provider.Direction direction = tabs.getSelectedTab() == push ? Provider.Direction.PUSH : Provider.Direction.PULL;
        List<Provider> found = catalog.search(direction, search.getValue());
        cards.removeAll();
        if (found.isEmpty()) {
            Paragraph none = new Paragraph("No provider matches \"" + search.getValue() + "\".");
            none.setId("no-provider");
            cards.add(none);
        }
        found.forEach(provider -> cards.add(card(provider)));
    }

    private static Card card(Provider provider) {
        Card card = new Card();
        card.setId("provider-" + provider.id());
        card.setTitle(provider.name());
        card.setMedia(new Image(provider.logo(), provider.name() + " logo"));
        card.add(new Paragraph(provider.description()));
        Anchor docs = new Anchor(provider.docs(), "Documentation");
        docs.setTarget("_blank");
        if (provider.available()) {
            Button open = new Button("Open", event -> card.getUI()
                    .ifPresent(ui -> ui.navigate(PROVIDER_ROUTE + provider.page())));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.addToFooter(open, docs);
        } else {
            Span unavailable = new Span("Not available yet");
            unavailable.getElement().getThemeList().add("badge contrast");
            card.addToFooter(unavailable, docs);
        }
        return card;
    }
}
