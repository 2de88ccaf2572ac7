package io.audiencehub.connector.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.ComingSoon;
import jakarta.annotation.security.PermitAll;

@Route("integrations/directory")
@PageTitle("Directory | Audience Hub")
@Menu(title = "Directory", order = 2, icon = "vaadin:sitemap")
@PermitAll
public class DirectoryView extends ComingSoon {

    DirectoryView() {
        super("Directory",
                "Every established connection, with its audiences, member and matched counts, last sync and health.");
    }
}
