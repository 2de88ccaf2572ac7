package io.audiencehub.connector.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.audiencehub.connector.NewCustomSource;

/** A custom source's signing secret, shown this once, with where and how its pages are sent. */
class SigningSecretDialog extends Dialog {

    SigningSecretDialog(NewCustomSource source, String webhookUrl) {
        setHeaderTitle("Custom source \"" + source.connector().name() + "\"");
        add(new VerticalLayout(
                new Paragraph("Copy the signing secret now: it is not shown again. Sign every page with it in the"
                        + " Audience-Hub-Signature header, as docs/custom-source.md shows."),
                ShownOnce.field("Webhook URL", "custom-source-url", webhookUrl),
                ShownOnce.field("Source id (the pages' id_token)", "custom-source-id", source.connector().tokenId()),
                ShownOnce.field("Signing secret", "custom-source-secret", source.signingSecret())));
        ShownOnce.closedOnceCopied(this, "I have copied the secret", "custom-source-copied");
    }
}
