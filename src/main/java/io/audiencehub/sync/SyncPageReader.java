package io.audiencehub.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.audiencehub.base.JsonPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a delivery of any source that speaks Heap's webhook contract (Heap, custom sources): the body within {@code max-body-size} and {@code body-read-timeout}, then, once the signature holds, its
 * JSON into {@link WebhookBody} records with Jackson: strict types (no number read as a string or the
 * reverse), a field named twice refused, nesting and size bounded. Whatever Jackson refuses is named
 * by its JSON path; the checks it cannot express are the {@link WebhookPageValidator}'s.
 */
@Component
class SyncPageReader {

    private final ObjectMapper json;
    private final long maxBodySize;
    private final Duration bodyReadTimeout;
    private final WebhookPageValidator validator;

    SyncPageReader(SyncProperties settings) {
        this.maxBodySize = settings.maxBodySize().toBytes();
        this.bodyReadTimeout = settings.bodyReadTimeout();
        this.validator = new WebhookPageValidator(settings.maxIdLength());
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(settings.maxNestingDepth())
                        .maxDocumentLength(maxBodySize)
                        .build())
                .build();
        this.json = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integers -> integers
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .build();
    }

    /** Refuses with 413 a delivery whose declared length is over {@code max-body-size}, before anything is read. */
    void checkDeclaredLength(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge();
        }
    }

    /**
     * The body, refused with 413 when it is larger than {@code max-body-size} and with 408 when it has
     * not fully arrived within {@code body-read-timeout}.
     */
    byte[] body(HttpServletRequest request) throws IOException {
        checkDeclaredLength(request);
        long deadline = System.nanoTime() + bodyReadTimeout.toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(request.getContentLength(), 0),
                maxBodySize));
        byte[] chunk = new byte[8_192];
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                body.write(chunk, 0, read);
                if (body.size() > maxBodySize) {
                    throw tooLarge();
                }
                if (System.nanoTime() > deadline) {
                    throw tooSlow();
                }
            }
        } catch (SocketTimeoutException e) {
            throw tooSlow();
        }
        return body.toByteArray();
    }

    /** The page a verified body holds; a {@link WebhookRejected} says what is wrong and where. */
    DeliveredPage page(byte[] body) {
        WebhookBody envelope = read(body);
        String idToken = validator.envelope(envelope);
        WebhookBody.Data data = envelope.data() == null ? null : readData(envelope, idToken);
        return validator.page(idToken, data);
    }

    private WebhookBody read(byte[] body) {
        return readObject(body, WebhookBody.class);
    }

    /**
     * A verified body read into {@code type} with this reader's strictness (any source's contract); a
     * {@link WebhookRejected} names what Jackson refused by its JSON path.
     */
    <T> T readObject(byte[] body, Class<T> type) {
        try (JsonParser parser = json.createParser(body)) {
            T envelope = json.readValue(parser, type);
            if (envelope == null) {
                throw new WebhookRejected(400, "$: the body must be a JSON object.");
            }
            if (parser.nextToken() != null) {
                throw new WebhookRejected(400, "$: unexpected content after the JSON object.");
            }
            return envelope;
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new WebhookRejected(400, "$: the body must be a JSON object.");
            }
            throw refusal("$", e, null);
        } catch (JsonProcessingException e) {
            throw refusal("$", e, null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private WebhookBody.Data readData(WebhookBody envelope, String idToken) {
        try (JsonParser parser = envelope.data().asParser(json)) {
            return json.readValue(parser, WebhookBody.Data.class);
        } catch (JsonProcessingException e) {
            throw refusal("$.data", e, idToken);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Names what Jackson refused by its JSON path, in the receiver's words. */
    private static WebhookRejected refusal(String root, JsonProcessingException e, String idToken) {
        if (e instanceof StreamConstraintsException) {
            return new WebhookRejected(400, "The body is nested deeper than allowed: " + e.getOriginalMessage(),
                    idToken);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = root + JsonPaths.of(mismatch);
            String message = mismatch.getOriginalMessage();
            return new WebhookRejected(400, path + ": " + (message.startsWith("must ") ? message
                    : JsonPaths.expectedType(mismatch.getTargetType())), idToken);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamConstraintsException) {
            return refusal(root, (StreamConstraintsException) mapping.getCause(), idToken);
        }
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new WebhookRejected(400, "$: the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                idToken);
    }

    private WebhookRejected tooLarge() {
        return new WebhookRejected(413, "The body is larger than " + DataSize.ofBytes(maxBodySize).toKilobytes()
                + " KB (audiencehub.sync.max-body-size); ask Heap for smaller pages or raise the limit.");
    }

    private WebhookRejected tooSlow() {
        return new WebhookRejected(408, "The body did not arrive within " + bodyReadTimeout.toSeconds()
                + " s (audiencehub.sync.body-read-timeout); send it at once, or retry.");
    }
}
