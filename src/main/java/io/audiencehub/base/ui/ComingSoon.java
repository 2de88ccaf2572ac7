package io.audiencehub.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** An honest placeholder for a page not built yet: it says what will come there. */
public abstract class ComingSoon extends Composite<Div> {

    protected ComingSoon(String title, String whatWillComeHere) {
        Paragraph status = new Paragraph("Not available yet.");
        status.getElement().getThemeList().add("badge contrast");
        status.addClassName("coming-soon-status");
        Paragraph text = new Paragraph(whatWillComeHere);
        text.addClassName(LumoUtility.TextColor.SECONDARY);
        getContent().add(new H2(title), status, text);
        getContent().addClassNames(LumoUtility.Padding.LARGE, "coming-soon");
    }
}
