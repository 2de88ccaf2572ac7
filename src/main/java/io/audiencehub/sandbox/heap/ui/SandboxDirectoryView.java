package io.audiencehub.sandbox.heap.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.Times;
import io.audiencehub.sandbox.heap.PartnerApp;
import io.audiencehub.sandbox.heap.SandboxExportService;
import jakarta.annotation.security.PermitAll;

/** Heap's Integrations > Directory: the partner apps connected to the sandbox's environments. */
@Route(value = "heap-sandbox/directory", layout = SandboxHeapLayout.class, registerAtStartup = false)
@PageTitle("Directory | Heap sandbox")
@PermitAll
public class SandboxDirectoryView extends Composite<VerticalLayout> {

    SandboxDirectoryView(SandboxExportService exports) {
        Grid<PartnerApp> apps = new Grid<>();
        apps.setId("partner-apps");
        apps.addColumn(PartnerApp::environmentName).setHeader("Environment").setAutoWidth(true);
        apps.addColumn(PartnerApp::clientId).setHeader("Partner app (client id)").setAutoWidth(true);
        apps.addColumn(app -> Times.format(app.connectedAt())).setHeader("Connected").setAutoWidth(true);
        apps.addColumn(PartnerApp::tokens).setHeader("Tokens issued").setAutoWidth(true);
        apps.setItems(exports.partnerApps());
        getContent().add(new H2("Directory"),
                new Paragraph("Partner apps that were allowed access to an environment's segments."), apps);
    }
}
