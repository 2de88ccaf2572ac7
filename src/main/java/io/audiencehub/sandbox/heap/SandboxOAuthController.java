package io.audiencehub.sandbox.heap;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Heap's partner OAuth endpoints, at Heap's paths under {@code /sandbox/heap}: the consent page, the
 * user's decision, the token endpoint (form or JSON body) and the metadata endpoint. The sandbox plays
 * a Heap user who is already signed in to Heap.
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxOAuthController.BASE)
class SandboxOAuthController {

    static final String BASE = "/sandbox/heap/api/partner";

    private final SandboxOAuthService oauth;

    SandboxOAuthController(SandboxOAuthService oauth) {
        this.oauth = oauth;
    }

    @GetMapping(value = "/oauth/authorize", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> consentPage(@RequestParam Map<String, String> request, CsrfToken csrf) {
        try {
            oauth.checkAuthorizeRequest(request.get("client_id"), request.get("redirect_uri"),
                    request.get("response_type"), request.get("scope"));
        } catch (SandboxOAuthException e) {
            return refuse(e, request);
        }
        return ResponseEntity.ok(ConsentPage.render(oauth.environments(), request, csrf));
    }

    @PostMapping(value = "/oauth/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> decide(@RequestParam Map<String, String> form) {
        try {
            oauth.checkAuthorizeRequest(form.get("client_id"), form.get("redirect_uri"),
                    form.get("response_type"), form.get("scope"));
        } catch (SandboxOAuthException e) {
            return refuse(e, form);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromUriString(form.get("redirect_uri"));
        if ("allow".equals(form.get("decision"))) {
            String environment = form.getOrDefault("environment", "");
            if (!environment.matches("[0-9]{1,18}")) {
                return refuse(new SandboxOAuthException(400, "invalid_request",
                        "Choose the Heap environment to connect."), form);
            }
            String code = oauth.issueCode(Long.parseLong(environment),
                    form.get("client_id"), form.get("redirect_uri"), form.get("code_challenge"));
            back.queryParam("code", code);
        } else {
            back.queryParam("error", "access_denied")
                    .queryParam("error_description", "The user denied access to the Heap environment.");
        }
        if (StringUtils.hasText(form.get("state"))) {
            back.queryParam("state", form.get("state"));
        }
        return redirect(back);
    }

    @PostMapping(value = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> tokenFromForm(@RequestParam MultiValueMap<String, String> form) {
        return oauth.redeem(form.toSingleValueMap());
    }

    @PostMapping(value = "/oauth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> tokenFromJson(@RequestBody Map<String, Object> json) {
        return oauth.redeem(json.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue()))));
    }

    @GetMapping(value = "/v1/metadata/{idToken}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> metadata(@PathVariable String idToken,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
        return oauth.metadata(idToken, bearer);
    }

    @ExceptionHandler(SandboxOAuthException.class)
    ResponseEntity<Map<String, String>> oauthError(SandboxOAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Client and redirect problems are shown to the user; others are sent back to the partner. */
    private static ResponseEntity<String> refuse(SandboxOAuthException e, Map<String, String> request) {
        if (e.status() != 302) {
            return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_HTML)
                    .body(ConsentPage.error(e.getMessage()));
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromUriString(request.get("redirect_uri"))
                .queryParam("error", e.error()).queryParam("error_description", e.getMessage());
        if (StringUtils.hasText(request.get("state"))) {
            back.queryParam("state", request.get("state"));
        }
        return redirect(back);
    }

    private static ResponseEntity<String> redirect(UriComponentsBuilder target) {
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, target.encode().build().toUriString()).build();
    }

    /** Heap's consent screen, as plain server-rendered HTML. */
    static final class ConsentPage {

        private static final String[] FORWARDED = {"client_id", "redirect_uri", "response_type", "scope", "state",
                "code_challenge", "code_challenge_method"};

        private ConsentPage() {
        }

        static String render(List<SandboxEnvironment> environments, Map<String, String> request, CsrfToken csrf) {
            StringBuilder hidden = new StringBuilder();
            for (String name : FORWARDED) {
                if (request.get(name) != null) {
                    hidden.append(input(name, request.get(name)));
                }
            }
            hidden.append(input(csrf.getParameterName(), csrf.getToken()));
            String options = environments.stream()
                    .map(environment -> "<option value=\"" + environment.id() + "\">" + htmlEscape(environment.name())
                            + "</option>")
                    .collect(Collectors.joining());
            String first = environments.isEmpty() ? "(no environment)" : environments.get(0).name();
            return page("Authorize Audience Hub", """
                    <h1>Allow Audience Hub integration to access your Heap environment <span id="environment-name">%s</span>?</h1>
                    <p>Audience Hub asks for the scope <b>segment</b>: access to the segments you choose to export to it.</p>
                    <form method="post">
                      %s
                      <label>Environment <select name="environment" id="environment"
                        onchange="document.getElementById('environment-name').textContent=this.options[this.selectedIndex].text">%s</select></label>
                      <p><button type="submit" name="decision" value="allow" id="allow">Allow</button>
                         <button type="submit" name="decision" value="deny" id="deny">Deny</button></p>
                    </form>
                    """.formatted(htmlEscape(first), hidden, options));
        }

        static String error(String message) {
            return page("Authorization error", "<h1>This authorization request is not valid</h1><p id=\"error\">"
                    + htmlEscape(message) + "</p>");
        }

        private static String input(String name, String value) {
            return "<input type=\"hidden\" name=\"" + htmlEscape(name) + "\" value=\"" + htmlEscape(value) + "\">";
        }

        private static String page(String title, String body) {
            return """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | Heap (sandbox)</title>
                    <style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;color:#222}
                    h1{font-size:1.4rem}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}
                    #allow{background:#6f42c1;color:#fff;border:0;border-radius:4px}.sandbox{color:#777;font-size:.85rem}</style>
                    </head><body><p class="sandbox">Heap sandbox: plays Heap for this Audience Hub. No data leaves this machine.</p>
                    %s</body></html>
                    """.formatted(htmlEscape(title), body);
        }
    }
}
