package io.audiencehub.sandbox;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.audiencehub.sandbox.heap.ui.SandboxDirectoryView;
import io.audiencehub.sandbox.heap.ui.SandboxSegmentView;
import io.audiencehub.sandbox.heap.ui.SandboxSegmentsView;
import io.audiencehub.sandbox.mixpanel.ui.SandboxCohortView;
import io.audiencehub.sandbox.mixpanel.ui.SandboxCohortsView;
import io.audiencehub.sandbox.mixpanel.ui.SandboxIntegrationsView;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The sandbox's pages exist only with the sandbox profile: they are registered here, not at startup. */
@Component
@Profile("sandbox")
class SandboxRoutes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        routes.setAnnotatedRoute(SandboxSegmentsView.class);
        routes.setAnnotatedRoute(SandboxSegmentView.class);
        routes.setAnnotatedRoute(SandboxDirectoryView.class);
        routes.setAnnotatedRoute(SandboxCohortsView.class);
        routes.setAnnotatedRoute(SandboxCohortView.class);
        routes.setAnnotatedRoute(SandboxIntegrationsView.class);
    }
}
