package io.audiencehub.catalog.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.audiencehub.base.ui.ComingSoon;
import jakarta.annotation.security.PermitAll;

@Route("integrations/hub")
@RouteAlias("")
@PageTitle("Integration Hub | Audience Hub")
@Menu(title = "Integration Hub", order = 1, icon = "vaadin:plug")
@PermitAll
public class IntegrationHubView extends ComingSoon {

    IntegrationHubView() {
        super("Integration Hub",
                "The catalogue of providers under the tabs Pull and Push, where you set up a connector: pick Heap Analytics, name the connector, and authorize it in Heap.");
    }
}
