package io.audiencehub.sandbox.mixpanel;

import io.audiencehub.base.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Mixpanel's JavaScript side in the sandbox: {@code mixpanel.js} and the calls it makes. */
@RestController
@Profile("sandbox")
public class SandboxMixpanelController {

    /** Where mixpanel.js sends, from any page: no sign-in, no CSRF token, as Mixpanel's own API. */
    public static final String API = "/sandbox/mixpanel/api/**";

    private final SandboxMixpanelService mixpanel;
    private final byte[] mixpanelJs;

    SandboxMixpanelController(SandboxMixpanelService mixpanel) {
        this.mixpanel = mixpanel;
        try (InputStream in = new ClassPathResource("sandbox/mixpanel.js").getInputStream()) {
            mixpanelJs = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/sandbox/mixpanel/mixpanel.js", produces = "text/javascript;charset=UTF-8")
    byte[] mixpanelJs() {
        return mixpanelJs;
    }

    @PostMapping(value = "/sandbox/mixpanel/api/engage", consumes = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Void> engage(@RequestBody Map<String, Object> call) {
        mixpanel.setUserProperties(text(call.get("token")), text(call.get("distinct_id")), object(call, "$set"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/sandbox/mixpanel/api/track", consumes = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Void> track(@RequestBody Map<String, Object> call) {
        mixpanel.track(text(call.get("token")), text(call.get("distinct_id")), text(call.get("event")),
                object(call, "properties"));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return Refusal.answer(400, e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> object(Map<String, Object> call, String name) {
        Object value = call.get(name);
        if (value != null && !(value instanceof Map)) {
            throw new IllegalArgumentException(name + " must be an object");
        }
        return (Map<String, ?>) value;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
