package io.audiencehub.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.security.SsoProperties;
import org.springframework.beans.factory.annotation.Value;

@Route(value = LoginView.PATH, autoLayout = false)
@PageTitle("Sign in | Audience Hub")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String PATH = "login";

    private final LoginForm form = new LoginForm();

    LoginView(SsoProperties sso, @Value("${audiencehub.login.demo-credentials-hint:false}") boolean demo) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        addClassName(LumoUtility.Background.CONTRAST_5);

        form.setAction(PATH);
        form.setForgotPasswordButtonVisible(false);
        add(new H1("Audience Hub"), form);

        if (sso.enabled()) {
            Anchor ssoLink = new Anchor("oauth2/authorization/sso", "Sign in with " + sso.name());
            ssoLink.setRouterIgnore(true);
            ssoLink.setId("sso-login");
            add(ssoLink);
        }
        if (demo) {
            Paragraph hint = new Paragraph("Demo credentials: admin / admin. They exist only in the embedded demo;"
                    + " production requires a real password or single sign-on.");
            hint.setId("demo-credentials");
            hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
