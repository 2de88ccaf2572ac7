package io.audiencehub.connector.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.connector.AuthorizationProblem;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.CustomSources;
import io.audiencehub.connector.HeapAuthorization;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewCustomSource;
import io.audiencehub.connector.NewMixpanelSource;
import io.audiencehub.connector.ProviderSummary;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.Optional;

/**
 * A provider's page in the Integration Hub: set up a connector, see the validated ones with their
 * TokenID, and the others with their state. The provider's authorization answer lands here too.
 */
@Route("integrations/hub/:providerId")
@PageTitle("Integration Hub | Audience Hub")
@PermitAll
public class ProviderConnectorsView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private final ConnectorService connectors;
    private final CustomSources customSources;
    private final MixpanelSources mixpanelSources;
    private final HeapAuthorization heapAuthorization;
    private final boolean admin;
    private Grid<Connector> validated;

    ProviderConnectorsView(ConnectorService connectors, CustomSources customSources, MixpanelSources mixpanelSources,
                           HeapAuthorization heapAuthorization, AuthenticationContext authentication) {
        this.connectors = connectors;
        this.customSources = customSources;
        this.mixpanelSources = mixpanelSources;
        this.heapAuthorization = heapAuthorization;
        this.admin = authentication.hasRole("ADMIN");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProviderSummary provider = connectors.provider(event.getRouteParameters().get("providerId").orElse(""))
                .orElseThrow(NotFoundException::new);
        if (!provider.page().equals(provider.id())) {
            // a Push entry's id, as links made before Push pages had their own route named it
            event.forwardTo("integrations/hub/" + provider.page());
            return;
        }
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(header(provider));
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter("problem").flatMap(ProviderConnectorsView::problem)
                .ifPresent(problem -> content.add(banner(problem.message(), "error")));
        query.getSingleParameter("connector").flatMap(ProviderConnectorsView::id)
                .flatMap(connectors::find)
                .ifPresent(connector -> content.add(outcome(connector)));
        Optional<ConnectorKind> kind = ConnectorKind.of(provider.id()).filter(known -> provider.available());
        if (kind.isEmpty()) {
            content.add(new Paragraph(provider.name() + " is not available yet: no connector can be set up for it."));
            return;
        }
        if (admin) {
            Button setup = new Button("Setup connector", click -> setupDialog(provider, kind.get()).open());
            setup.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            setup.setId("setup-connector");
            content.add(setup);
        }
        validated = validatedGrid(kind.get());
        content.add(new H3("Validated connectors"), validated,
                new H3("Other connectors"), otherGrid(kind.get()));
    }

    private SetupConnectorDialog setupDialog(ProviderSummary provider, ConnectorKind kind) {
        return switch (kind.setup()) {
            case NAMED -> new SetupConnectorDialog(provider.name(), "Create source", "The hub makes the source's id"
                    + " and signing secret; the secret is shown once.", named -> {
                        NewCustomSource created = customSources.create(named.name());
                        new SigningSecretDialog(created, customSources.webhookUrl(created.connector().tokenId())).open();
                        validated.getDataProvider().refreshAll();
                    });
            case WEBHOOK_CREDENTIALS -> new SetupConnectorDialog(provider.name(), "Create connector", "The hub makes"
                    + " the webhook URL and the credentials to paste into " + provider.name() + "; the password is"
                    + " shown once.", MixpanelSources.DEFAULT_VISITOR_PROPERTY, named -> {
                        NewMixpanelSource created = mixpanelSources.create(named.name(), named.visitorProperty());
                        new MixpanelCredentialsDialog(created, mixpanelSources.webhookUrl(created.connector().tokenId()))
                                .open();
                        validated.getDataProvider().refreshAll();
                    });
            case FIRST_UPLOAD -> throw new IllegalStateException("CSV audiences are set up on their own page");
            case OAUTH -> new SetupConnectorDialog(provider.name(), "Authorize and create", "You will be"
                    + " sent to " + provider.name() + " to allow access, then back here.", named -> getUI()
                    .orElseThrow().getPage().setLocation(heapAuthorization.start(provider.id(), named.name())));
        };
    }

    private static HorizontalLayout header(ProviderSummary provider) {
        Image logo = new Image(provider.logo(), provider.name() + " logo");
        logo.setWidth("48px");
        Div text = new Div(new H2(provider.name()), new Paragraph(provider.description()));
        HorizontalLayout header = new HorizontalLayout(logo, text);
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return header;
    }

    private Grid<Connector> validatedGrid(ConnectorKind kind) {
        Grid<Connector> grid = new Grid<>();
        grid.setId("validated-connectors");
        grid.addComponentColumn(ProviderConnectorsView::link).setHeader("Name").setAutoWidth(true);
        grid.addColumn(Connector::environmentName).setHeader("Environment").setAutoWidth(true);
        grid.addComponentColumn(connector -> new TokenIdField(null, "TokenID of " + connector.name(),
                        connector.tokenId())).setHeader("TokenID").setKey("token-id")
                .setAutoWidth(true);
        grid.addColumn(Connector::updatedAt).setHeader("Validated").setAutoWidth(true);
        grid.setItems(query -> connectors.page(kind, true, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<Connector> otherGrid(ConnectorKind kind) {
        Grid<Connector> grid = new Grid<>();
        grid.setId("other-connectors");
        grid.addComponentColumn(ProviderConnectorsView::link).setHeader("Name").setAutoWidth(true);
        grid.addComponentColumn(connector -> StateBadge.of(connector.state())).setHeader("State").setAutoWidth(true);
        grid.addColumn(Connector::failureReason).setHeader("Reason").setFlexGrow(1);
        grid.setItems(query -> connectors.page(kind, false, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static RouterLink link(Connector connector) {
        return new RouterLink(connector.name(), ConnectorView.class, new RouteParameters("id", String.valueOf(connector.id())));
    }

    private static Div outcome(Connector connector) {
        return switch (connector.state()) {
            case VALIDATED -> banner("Connector \"" + connector.name() + "\" is validated: connected to environment \""
                    + connector.environmentName() + "\".", "success");
            case FAILED -> banner("Connector \"" + connector.name() + "\" failed: " + connector.failureReason(), "error");
            default -> banner("Connector \"" + connector.name() + "\" is " + connector.state().label() + ".",
                    "contrast");
        };
    }

    private static Div banner(String text, String theme) {
        Div banner = new Div(text);
        banner.setId("authorization-result");
        banner.getElement().getThemeList().add("badge " + theme);
        banner.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Width.FULL, LumoUtility.Whitespace.NORMAL);
        return banner;
    }

    private static Optional<AuthorizationProblem> problem(String name) {
        return Arrays.stream(AuthorizationProblem.values()).filter(problem -> problem.name().equals(name)).findFirst();
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
