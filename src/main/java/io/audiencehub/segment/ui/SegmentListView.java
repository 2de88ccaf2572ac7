package io.audiencehub.segment.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.ComingSoon;
import jakarta.annotation.security.PermitAll;

@Route("segments")
@PageTitle("Segments | Audience Hub")
@Menu(title = "Segments", order = 3, icon = "vaadin:filter")
@PermitAll
public class SegmentListView extends ComingSoon {

    SegmentListView() {
        super("Segments",
                "Targeting segments built by drag and drop of criteria, imported audiences among them under EXTERNAL DATA.");
    }
}
