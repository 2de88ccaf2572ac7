package io.audiencehub.connector.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapPush;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.Set;

/**
 * Heap under Push: for each validated Heap connector, whether the site tag tells Heap which campaign
 * and variation each visitor sees (a {@code heap.track} event and a user property per campaign).
 */
@Route("integrations/hub/heap-push")
@PageTitle("Heap Analytics (Push) | Audience Hub")
@PermitAll
public class HeapPushView extends Composite<VerticalLayout> {

    HeapPushView(ConnectorService connectors, HeapPush heapPush, AuthenticationContext authentication) {
        boolean admin = authentication.hasRole("ADMIN");
        Set<Long> pushing = new HashSet<>(heapPush.connectors());
        Grid<Connector> grid = new Grid<>();
        grid.setId("heap-push-connectors");
        grid.addColumn(Connector::name).setHeader("Connector").setAutoWidth(true);
        grid.addColumn(Connector::environmentName).setHeader("Heap environment").setAutoWidth(true);
        grid.addComponentColumn(connector -> {
            Checkbox push = new Checkbox("Push campaigns to Heap", pushing.contains(connector.id()));
            push.setId("push-" + connector.id());
            push.setAriaLabel("Push campaigns to Heap environment " + connector.environmentName());
            push.setReadOnly(!admin);
            push.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                try {
                    heapPush.set(connector.id(), change.getValue());
                } catch (ConnectorException e) {
                    push.setValue(change.getOldValue());
                    Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            return push;
        }).setHeader("Push").setKey("push").setAutoWidth(true);
        grid.setItems(query -> connectors.page(ConnectorKind.HEAP, true, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(true);
        getContent().add(new H2("Heap Analytics (Push)"), new Paragraph("With push on, the site tag sends Heap an"
                + " \"AB Tasty campaign seen\" event for every campaign a visitor sees, with the campaign and the"
                + " variation, and sets the user property \"AB Tasty - <campaign>\" to the variation. Connect a Heap"
                + " environment under Pull first."), grid);
    }
}
