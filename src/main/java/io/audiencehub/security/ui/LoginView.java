package io.audiencehub.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.security.SsoProperties;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

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
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        LoginI18n i18n = LoginI18n.createDefault();
        if (failed && lastFailure() instanceof LockedException locked) {
            LoginI18n.ErrorMessage refused = new LoginI18n.ErrorMessage();
            refused.setTitle("Sign-in refused for now");
            refused.setMessage(locked.getMessage().startsWith("Too many") ? locked.getMessage()
                    : "This account is locked after too many failed sign-ins. Try again in a few minutes, or ask"
                    + " an admin to unlock it under Users.");
            i18n.setErrorMessage(refused);
        }
        form.setI18n(i18n);
        form.setError(failed);
    }

    /** Why the last sign-in failed, as Spring Security keeps it in the session for the sign-in page. */
    private static Object lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
