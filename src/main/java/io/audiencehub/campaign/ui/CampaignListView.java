package io.audiencehub.campaign.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.ComingSoon;
import jakarta.annotation.security.PermitAll;

@Route("campaigns")
@PageTitle("Campaigns | Audience Hub")
@Menu(title = "Campaigns", order = 4, icon = "vaadin:flag")
@PermitAll
public class CampaignListView extends ComingSoon {

    CampaignListView() {
        super("Campaigns",
                "Campaigns that target segments, and the decision API that tells which campaigns a visitor falls into.");
    }
}
