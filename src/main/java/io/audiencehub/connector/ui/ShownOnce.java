package io.audiencehub.connector.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.base.ui.ReadOnlyField;

/** The parts of a dialog that shows a connector's secrets once: copyable fields, and the button that closes it. */
final class ShownOnce {

    private ShownOnce() {
    }

    static TextField field(String label, String id, String value) {
        TextField field = ReadOnlyField.of(label, value);
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    /** Puts the primary button that closes {@code dialog} in its footer, once the user says they copied it. */
    static void closedOnceCopied(Dialog dialog, String copied, String id) {
        Button done = new Button(copied, click -> dialog.close());
        done.setId(id);
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("40rem");
    }
}
