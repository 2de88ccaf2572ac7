package io.audiencehub.sandbox.mixpanel.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.sandbox.mixpanel.MixpanelCohort;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelService;
import jakarta.annotation.security.PermitAll;

/** Mixpanel's Cohorts of the sandbox project, and a new cohort by a rule on one user property. */
@Route(value = "mixpanel-sandbox/cohorts", layout = SandboxMixpanelLayout.class, registerAtStartup = false)
@PageTitle("Cohorts | Mixpanel sandbox")
@Menu(title = "Mixpanel sandbox", order = 101, icon = "vaadin:flask")
@PermitAll
public class SandboxCohortsView extends Composite<VerticalLayout> {

    /** What the new-cohort form holds. */
    public record CohortForm(String name, String description, String property, String value) {
    }

    private final SandboxMixpanelService mixpanel;
    private final Grid<MixpanelCohort> cohorts = new Grid<>();

    SandboxCohortsView(SandboxMixpanelService mixpanel, AuthenticationContext authentication) {
        this.mixpanel = mixpanel;
        cohorts.setId("cohorts");
        cohorts.addColumn(MixpanelCohort::name).setHeader("Name").setAutoWidth(true);
        cohorts.addColumn(MixpanelCohort::definition).setHeader("Definition").setFlexGrow(1);
        cohorts.addColumn(mixpanel::memberCount).setHeader("Users").setAutoWidth(true);
        cohorts.addColumn(cohort -> mixpanel.sync(cohort.id()).map(sync -> sync.paused() ? "paused" : "on").orElse("off"))
                .setHeader("Webhook sync").setAutoWidth(true);
        cohorts.addItemClickListener(click -> open(click.getItem()));
        cohorts.setAllRowsVisible(true);
        cohorts.setEmptyStateComponent(EmptyState.of("No cohort yet: define one below, by a user property.", null));
        cohorts.setItems(mixpanel.cohorts());
        getContent().add(new H2("Cohorts"), new Paragraph("Project \"Acme Store\" (id " + mixpanel.projectId()
                + "). Open a cohort to export it to a Custom Webhook connection."), cohorts);
        if (authentication.hasRole("ADMIN")) {
            getContent().add(new H3("New cohort"), newCohort());
        }
    }

    private FormLayout newCohort() {
        TextField name = new TextField("Cohort name");
        TextField description = new TextField("Description");
        ComboBox<String> property = new ComboBox<>("User property");
        property.setItems(mixpanel.userProperties());
        property.setAllowCustomValue(true);
        property.addCustomValueSetListener(custom -> property.setValue(custom.getDetail()));
        property.setValue(mixpanel.visitorProperty());
        TextField value = new TextField("Equals");
        value.setHelperText("Leave empty for every user who has the property.");
        Binder<CohortForm> binder = new Binder<>(CohortForm.class);
        binder.forField(name).asRequired("Name the cohort.").bind("name");
        binder.forField(description).bind("description");
        binder.forField(property).asRequired("Choose the user property its users must have.").bind("property");
        binder.forField(value).bind("value");
        Button create = new Button("Create cohort", click -> {
            try {
                CohortForm form = binder.writeRecord();
                open(mixpanel.defineCohort(form.name(), form.description(), form.property(), form.value()));
            } catch (ValidationException invalid) {
                // the fields say what is missing
            } catch (IllegalArgumentException refused) {
                name.setInvalid(true);
                name.setErrorMessage(refused.getMessage());
            }
        });
        create.setId("create-cohort");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new FormLayout(name, description, property, value, create);
    }

    private void open(MixpanelCohort cohort) {
        getUI().ifPresent(ui -> ui.navigate(SandboxCohortView.class,
                new RouteParameters("cohortId", String.valueOf(cohort.id()))));
    }
}
