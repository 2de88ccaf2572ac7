package io.audiencehub.connector.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.audiencehub.connector.NewMixpanelSource;

/** What to paste into Mixpanel's Custom Webhook form, shown this once (the password is kept only as its hash). */
class MixpanelCredentialsDialog extends Dialog {

    MixpanelCredentialsDialog(NewMixpanelSource source, String webhookUrl) {
        setHeaderTitle("Mixpanel connector \"" + source.connector().name() + "\"");
        add(new VerticalLayout(
                new Paragraph("In Mixpanel, Integrations > Custom Webhook: paste the URL and the credentials, and add"
                        + " the property to Properties to Export. Copy the password now: it is not shown again"
                        + " (New credentials makes others). docs/mixpanel.md."),
                ShownOnce.field("Webhook URL", "mixpanel-url", webhookUrl),
                ShownOnce.field("User name", "mixpanel-user", source.userName()),
                ShownOnce.field("Password", "mixpanel-password", source.password()),
                ShownOnce.field("Property to export", "mixpanel-property", source.visitorProperty())));
        ShownOnce.closedOnceCopied(this, "I have copied the password", "mixpanel-copied");
    }
}
