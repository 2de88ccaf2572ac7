package io.audiencehub.connector.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.connector.NewCustomSource;

/** A custom source's signing secret, shown this once, with where and how its pages are sent. */
class SigningSecretDialog extends Dialog {

    SigningSecretDialog(NewCustomSource source, String webhookUrl) {
        setHeaderTitle("Custom source \"" + source.connector().name() + "\"");
        add(new VerticalLayout(
                new Paragraph("Copy the signing secret now: it is not shown again. Sign every page with it in the"
                        + " Audience-Hub-Signature header, as docs/custom-source.md shows."),
                field("Webhook URL", "custom-source-url", webhookUrl),
                field("Source id (the pages' id_token)", "custom-source-id", source.connector().tokenId()),
                field("Signing secret", "custom-source-secret", source.signingSecret())));
        Button done = new Button("I have copied the secret", click -> close());
        done.setId("custom-source-copied");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setWidth("40rem");
    }

    private static TextField field(String label, String id, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        return field;
    }
}
