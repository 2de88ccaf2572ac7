package io.audiencehub.base.ui;

import com.vaadin.flow.component.html.Span;

/** A short word in a coloured badge (Lumo's badge styles), with an optional explanation as tooltip. */
public final class Badge {

    /** What the colour tells. */
    public enum Tone {
        GOOD("badge success"), BAD("badge error"), NEUTRAL("badge"), QUIET("badge contrast");

        private final String theme;

        Tone(String theme) {
            this.theme = theme;
        }
    }

    private Badge() {
    }

    /** A badge with the class name {@code className}, by which pages and tests find it. */
    public static Span of(String text, Tone tone, String className) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(tone.theme);
        badge.addClassName(className);
        return badge;
    }

    public static Span of(String text, Tone tone, String className, String explanation) {
        Span badge = of(text, tone, className);
        badge.getElement().setAttribute("title", explanation);
        return badge;
    }
}
