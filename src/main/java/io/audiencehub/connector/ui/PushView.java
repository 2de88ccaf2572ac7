package io.audiencehub.connector.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.connector.CampaignPush;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.ConnectorService;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.Set;

/**
 * A source under Push: for each validated connector of a kind that can be told (Heap, Mixpanel), whether
 * the site tag tells the analytics tool which campaign and variation each visitor sees.
 */
@Route("integrations/hub/:providerId/push")
@PermitAll
public class PushView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final ConnectorService connectors;
    private final CampaignPush campaignPush;
    private final boolean admin;
    private String title = "Push | Audience Hub";

    PushView(ConnectorService connectors, CampaignPush campaignPush, AuthenticationContext authentication) {
        this.connectors = connectors;
        this.campaignPush = campaignPush;
        this.admin = authentication.hasRole("ADMIN");
    }

    /** Where the Push page of a kind of source is. */
    public static String route(ConnectorKind kind) {
        return "integrations/hub/" + kind.providerId() + "/push";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConnectorKind kind = event.getRouteParameters().get("providerId").flatMap(ConnectorKind::of)
                .filter(ConnectorKind::canPush).orElseThrow(NotFoundException::new);
        ConnectorKind.Push push = kind.push().orElseThrow();
        String provider = connectors.provider(kind.providerId()).orElseThrow(NotFoundException::new).name();
        title = provider + " (Push) | Audience Hub";
        Set<Long> pushing = new HashSet<>(campaignPush.connectors(kind));
        Grid<Connector> grid = new Grid<>();
        grid.setId("push-connectors");
        grid.addColumn(Connector::name).setHeader("Connector").setAutoWidth(true);
        grid.addColumn(Connector::environmentName).setHeader("Environment").setAutoWidth(true);
        grid.addComponentColumn(connector -> pushSwitch(connector, push, pushing.contains(connector.id())))
                .setHeader("Push").setKey("push").setAutoWidth(true);
        grid.setItems(query -> connectors.page(kind, true, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(true);
        getContent().removeAll();
        getContent().add(new H2(provider + " (Push)"), new Paragraph("With push on, the site tag sends " + push.tool()
                + " " + push.sent() + ". Connect " + provider + " under Pull first."), grid);
    }

    private Checkbox pushSwitch(Connector connector, ConnectorKind.Push push, boolean on) {
        Checkbox pushes = new Checkbox("Push campaigns to " + push.tool(), on);
        pushes.setId("push-" + connector.id());
        pushes.setAriaLabel("Push campaigns to " + push.tool() + " through " + connector.name());
        pushes.setReadOnly(!admin);
        pushes.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                campaignPush.set(connector.id(), change.getValue());
                Notification.show(connector.name() + ": campaigns seen are " + (change.getValue() ? "now" : "no longer")
                        + " sent to " + push.tool() + ".", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ConnectorException e) {
                pushes.setValue(change.getOldValue());
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return pushes;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
