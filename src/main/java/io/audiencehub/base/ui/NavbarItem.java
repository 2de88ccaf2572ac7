package io.audiencehub.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A component a feature puts in the shell's navbar, before the user menu (the alerts' bell), so that the
 * shell shows it without depending on the feature. Declared as a bean; one component per page.
 */
public interface NavbarItem {

    Component create();
}
