package io.audiencehub.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** The providers of {@code catalog/providers.yml}, read once at start-up. */
@Service
public class ProviderCatalog {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final List<Provider> providers;

    ProviderCatalog() {
        ClassPathResource resource = new ClassPathResource("catalog/providers.yml");
        try (InputStream yaml = resource.getInputStream()) {
            providers = List.copyOf(new ObjectMapper(new YAMLFactory()).readValue(yaml, new TypeReference<List<Provider>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the provider catalogue " + resource.getPath(), e);
        }
    }

    /** The providers of one direction whose name or description contains {@code text}, ignoring case and accents. */
    public List<Provider> search(Provider.Direction direction, String text) {
        String wanted = fold(text == null ? "" : text.strip());
        return providers.stream()
                .filter(provider -> provider.direction() == direction)
                .filter(provider -> fold(provider.name()).contains(wanted) || fold(provider.description()).contains(wanted))
                .toList();
    }

    public Optional<Provider> find(String id) {
        return providers.stream().filter(provider -> provider.id().equals(id)).findFirst();
    }

    static String fold(String text) {
        return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
