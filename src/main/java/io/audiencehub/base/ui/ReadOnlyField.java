package io.audiencehub.base.ui;

import com.vaadin.flow.component.textfield.TextField;

/** A labelled value shown as a read-only text field, so it lines up in forms and can be copied. */
public final class ReadOnlyField {

    private ReadOnlyField() {
    }

    public static TextField of(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }
}
