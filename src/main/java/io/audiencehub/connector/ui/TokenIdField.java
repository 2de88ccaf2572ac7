package io.audiencehub.connector.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A connector's TokenID: read-only, with a button that copies it to the clipboard. Without a label (in
 * a grid's row) assistive technology reads its accessible name instead.
 */
class TokenIdField extends Composite<TextField> {

    TokenIdField(String label, String tokenId) {
        this(label, label, tokenId);
    }

    TokenIdField(String label, String accessibleName, String tokenId) {
        TextField field = getContent();
        field.setLabel(label);
        field.setAriaLabel(accessibleName);
        field.setValue(tokenId == null ? "" : tokenId);
        field.setReadOnly(true);
        field.setWidth("24em");
        field.addClassName("token-id");
        Button copy = new Button(VaadinIcon.COPY.create(), event -> {
            field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", field.getValue());
            Notification.show("TokenID copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel("Copy TokenID");
        copy.setEnabled(tokenId != null);
        field.setSuffixComponent(copy);
    }
}
