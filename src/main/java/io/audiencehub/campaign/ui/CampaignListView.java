package io.audiencehub.campaign.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.Badge;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.LiveUpdates;
import io.audiencehub.campaign.AudiencesNotReady;
import io.audiencehub.campaign.CampaignException;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignStatus;
import io.audiencehub.campaign.CampaignSummary;
import io.audiencehub.campaign.CampaignSummary.KeptVisitors;
import io.audiencehub.campaign.ExposuresChanged;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Every campaign: its status, the segments it targets (flagged as the segment builder flags them),
 * its variations and traffic; admins start, pause and end them.
 */
@Route("campaigns")
@PageTitle("Campaigns | Audience Hub")
@Menu(title = "Campaigns", order = 4, icon = "vaadin:flag")
@PermitAll
public class CampaignListView extends Composite<VerticalLayout> {

    private final CampaignService campaigns;
    private final Grid<CampaignSummary> grid = new Grid<>();

    CampaignListView(CampaignService campaigns, AuthenticationContext authentication, LiveUpdates live) {
        this.campaigns = campaigns;
        grid.setId("campaigns-list");
        // long names, targets and variations wrap rather than push the row's actions out of the list
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CampaignSummary::name).setHeader("Name").setWidth("8em").setFlexGrow(2).setFrozen(true);
        grid.addColumn(CampaignSummary::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(CampaignListView::status).setHeader("Status").setKey("status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CampaignListView::targets).setHeader("Targets").setWidth("6em").setFlexGrow(2);
        grid.addComponentColumn(CampaignListView::attention).setHeader("Attention").setKey("attention")
                .setWidth("5em").setFlexGrow(1);
        grid.addColumn(summary -> String.join(" · ", summary.variations())).setHeader("Variations")
                .setWidth("6em").setFlexGrow(2);
        grid.addColumn(summary -> summary.trafficPercent() + " %").setHeader("Traffic").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(CampaignListView::kept).setHeader("Kept visitors").setKey("kept").setWidth("6em")
                .setFlexGrow(1);
        if (authentication.hasRole("ADMIN")) {
            grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.setItems(query -> campaigns.summaries(query.getOffset(), query.getLimit()).stream(),
                query -> campaigns.count());
        grid.addItemClickListener(click -> open(String.valueOf(click.getItem().id())));
        Button first = new Button("Create the first campaign", click -> open(CampaignEditorView.NEW));
        first.setId("create-first-campaign");
        grid.setEmptyStateComponent(EmptyState.of("No campaign yet. A campaign shows variations to the visitors of"
                + " the segments it targets.", authentication.hasRole("ADMIN") ? first : null));
        Button create = new Button("New campaign", click -> open(CampaignEditorView.NEW));
        create.setId("new-campaign");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(authentication.hasRole("ADMIN"));
        // visitors entering and leaving the segments of campaigns that keep them, on every hub
        live.follow(this, ExposuresChanged.class, changed -> grid.getDataProvider().refreshAll());
        getContent().add(new H2("Campaigns"), create, new Paragraph("Campaigns show variations to the visitors of the"
                + " segments they target; the site tag asks the decision API which one each visitor sees."), grid);
    }

    private void open(String campaignId) {
        getUI().ifPresent(ui -> ui.navigate(CampaignEditorView.class, new RouteParameters("campaignId", campaignId)));
    }

    private static String targets(CampaignSummary summary) {
        return String.join(summary.allSegments() ? " and " : " or ", summary.segments());
    }

    /** "120 kept, 3 no longer in its segments": the visitors it exposed, and its drift. */
    private static Component kept(CampaignSummary summary) {
        KeptVisitors kept = summary.keptVisitors();
        Span text = new Span(kept == null ? "not kept" : String.format(Locale.ROOT,
                "%,d kept, %,d no longer in its segments", kept.exposed(), kept.outsideSegments()));
        text.setId("kept-" + summary.id());
        return text;
    }

    private static Component status(CampaignSummary summary) {
        return Badge.of(summary.status().label(), switch (summary.status()) {
            case RUNNING -> Badge.Tone.GOOD;
            case PAUSED -> Badge.Tone.NEUTRAL;
            case DRAFT, ENDED -> Badge.Tone.QUIET;
        }, "campaign-status");
    }

    private static Component attention(CampaignSummary summary) {
        return summary.warnings().isEmpty() ? new Span()
                : Badge.of(String.join("; ", summary.warnings()), Badge.Tone.BAD, "campaign-attention");
    }

    private Component actions(CampaignSummary summary) {
        HorizontalLayout actions = new HorizontalLayout();
        if (summary.status().next().contains(CampaignStatus.RUNNING)) {
            actions.add(action("Start", summary, campaigns::start));
        }
        if (summary.status().next().contains(CampaignStatus.PAUSED)) {
            actions.add(action("Pause", summary, campaigns::pause));
        }
        if (summary.status().next().contains(CampaignStatus.ENDED)) {
            actions.add(action("End", summary, campaigns::end));
        }
        return actions;
    }

    private static void showRefusal(CampaignException refusal) {
        Notification.show(refusal.getMessage(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Names the audiences that are not there yet, and starts the campaign all the same if the admin confirms. */
    private void confirmStart(CampaignSummary summary, AudiencesNotReady notReady) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-start");
        confirm.setHeader("Start \"" + summary.name() + "\" anyway?");
        UnorderedList problems = new UnorderedList(notReady.problems().stream().map(ListItem::new)
                .toArray(ListItem[]::new));
        confirm.setText(new Div(new Paragraph("Its audiences are not ready:"), problems, new Paragraph("Visitors of"
                + " these audiences are not targeted as they should be until they are healthy; the campaign shows this"
                + " warning until then.")));
        confirm.setCancelable(true);
        confirm.setConfirmText("Start anyway");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                campaigns.startAnyway(summary.id());
                grid.getDataProvider().refreshAll();
            } catch (CampaignException e) {
                showRefusal(e);
            }
        });
        confirm.open();
    }

    private Button action(String verb, CampaignSummary summary, LongFunction<?> change) {
        Button button = new Button(verb, click -> {
            try {
                change.apply(summary.id());
                grid.getDataProvider().refreshAll();
            } catch (AudiencesNotReady notReady) {
                confirmStart(summary, notReady);
            } catch (CampaignException e) {
                showRefusal(e);
            }
        });
        button.setId(verb.toLowerCase() + "-" + summary.id());
        button.setAriaLabel(verb + " campaign " + summary.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
