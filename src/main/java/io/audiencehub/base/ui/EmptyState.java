package io.audiencehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What an empty list shows instead of bare headers: what is missing, and the action that adds it
 * (absent for a viewer, who cannot add anything).
 */
public final class EmptyState extends Div {

    private EmptyState(String text, Component action) {
        addClassName("empty-state");
        Paragraph message = new Paragraph(text);
        message.addClassName("empty-state-text");
        add(message);
        if (action != null) {
            add(action);
        }
    }

    /** @param action what adds the first item; null when the user may not */
    public static EmptyState of(String text, Component action) {
        return new EmptyState(text, action);
    }
}
