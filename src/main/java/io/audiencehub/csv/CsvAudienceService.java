package io.audiencehub.csv;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.base.BackgroundTasks;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.CsvConnector;
import io.audiencehub.sync.SyncService;
import io.audiencehub.visitor.VisitorIds;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Audiences uploaded as CSV files (commons-csv): a file is inspected from its first lines, checked whole
 * (every bad row reported by line, the known visitors counted) and imported as one change that replaces
 * the audience's members, through the sync pipeline like a provider's page. Files of up to
 * {@value #MAX_ROWS} rows are read as a stream; what is kept is the ids themselves.
 */
@Service
public class CsvAudienceService {

    static final int MAX_ROWS = 1_000_000;
    public static final int MAX_NAME_LENGTH = 255;
    static final int PREVIEW_ROWS = 10;
    static final int LISTED_PROBLEMS = 100;
    private static final Logger log = LoggerFactory.getLogger(CsvAudienceService.class);
    private static final Duration APPLY_WAIT = Duration.ofMinutes(2);
    private static final int PROGRESS_EVERY = 25_000;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final Pattern ID_COLUMN = Pattern.compile("(?i)(ab ?tasty)?[ _-]?(visitor|user)?[ _-]?ids?");

    private final CsvUploads uploads;
    private final ConnectorService connectors;
    private final CsvConnector csvConnector;
    private final AudienceService audiences;
    private final SyncService sync;
    private final BackgroundTasks background;

    CsvAudienceService(ConnectorService connectors, CsvConnector csvConnector, AudienceService audiences,
                       SyncService sync, BackgroundTasks background, CsvUploads uploads) {
        this.uploads = uploads;
        this.connectors = connectors;
        this.csvConnector = csvConnector;
        this.audiences = audiences;
        this.sync = sync;
        this.background = background;
    }

    /** A new file for an upload, deleted by {@link #discardUpload} or at the latest after the upload retention. */
    @PreAuthorize("hasRole('ADMIN')")
    public File newUpload() {
        return uploads.newFile();
    }

    /** Deletes an upload once it is imported or given up; its other columns are kept no longer. */
    public void discardUpload(Path file) {
        uploads.delete(file);
    }

    /** The file's first lines, and how it is probably meant to be read. */
    @PreAuthorize("hasRole('ADMIN')")
    public CsvFile inspect(Path file, String fileName) {
        char delimiter = delimiterOf(file);
        List<List<String>> rows = new ArrayList<>();
        try (Reader lines = new Reader(file, delimiter)) {
            for (CSVRecord record : lines.parser()) {
                if (rows.size() > PREVIEW_ROWS) {
                    break;
                }
                if (!isBlank(record)) {
                    rows.add(record.toList());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CsvException(fileName + " cannot be read as CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new CsvException(fileName + " is empty: upload a file with one visitor id a line, or a column of them.");
        }
        List<String> first = rows.get(0);
        boolean header = first.size() > 1 || VisitorIds.problem(first.get(0)) != null
                || ID_COLUMN.matcher(first.get(0)).matches();
        int column = 0;
        for (int i = 0; i < first.size() && header; i++) {
            if (ID_COLUMN.matcher(first.get(i)).matches()) {
                column = i;
                break;
            }
        }
        return new CsvFile(fileName, first, List.copyOf(rows.subList(0, Math.min(rows.size(), PREVIEW_ROWS))),
                new CsvLayout(delimiter, header, column));
    }

    /**
     * {@link #check} on a background thread, as the signed-in admin; {@code progress} is called from it.
     * The admin is checked here, as the work is handed over; the work itself calls no checked method of this class.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CompletableFuture<CsvCheck> checkInBackground(Path file, CsvLayout layout, CsvProgress progress) {
        return background.submit(() -> checked(file, layout, progress));
    }

    /** {@link #importAudience} on a background thread, as the signed-in admin, checked as {@link #checkInBackground} is. */
    @PreAuthorize("hasRole('ADMIN')")
    public CompletableFuture<CsvImport> importInBackground(String audienceName, Path file, String fileName,
                                                           CsvLayout layout, CsvProgress progress) {
        return background.submit(() -> imported(audienceName, file, fileName, layout, progress));
    }

    /** Reads the whole file as {@code layout} says: its ids, the known visitors among them, and every bad row. */
    @PreAuthorize("hasRole('ADMIN')")
    public CsvCheck check(Path file, CsvLayout layout, CsvProgress progress) {
        return checked(file, layout, progress);
    }

    private CsvCheck checked(Path file, CsvLayout layout, CsvProgress progress) {
        Reading reading = read(file, layout, progress);
        progress.update("Matching " + reading.ids().size() + " ids with the known visitors", -1);
        long known = audiences.countKnownVisitors(reading.ids());
        progress.update("Checked", 1);
        return new CsvCheck(reading.rows(), reading.ids().size(), known, reading.firstIds(), reading.problems(),
                reading.problemCount());
    }

    /**
     * Replaces the members of the uploaded audience named {@code audienceName} (created when new) with the
     * file's ids, as one change: until it is applied, the audience keeps its previous members.
     *
     * @throws CsvException when the name is not acceptable or the file has a bad row; nothing is changed then
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CsvImport importAudience(String audienceName, Path file, String fileName, CsvLayout layout,
                                    CsvProgress progress) {
        return imported(audienceName, file, fileName, layout, progress);
    }

    private CsvImport imported(String audienceName, Path file, String fileName, CsvLayout layout, CsvProgress progress) {
        String name = audienceName == null ? "" : audienceName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new CsvException("Give the audience a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        Reading reading = read(file, layout, progress);
        if (reading.problemCount() > 0) {
            throw new CsvException(fileName + " has " + reading.problemCount() + " bad row"
                    + (reading.problemCount() == 1 ? "" : "s") + "; nothing was imported. Fix "
                    + (reading.problemCount() == 1 ? "it" : "them") + " and upload the file again: "
                    + reading.problems().get(0) + ".");
        }
        if (reading.ids().isEmpty()) {
            throw new CsvException(fileName + " holds no visitor id; nothing was imported.");
        }
        Connector connector = csvConnector.get();
        progress.update("Importing " + reading.ids().size() + " ids", -1);
        long known = audiences.countKnownVisitors(reading.ids());
        boolean applied = sync.replaceMembers(connector.id(), audienceKeyOf(name), name, reading.ids(), APPLY_WAIT)
                == SyncService.Delivery.APPLIED;
        csvConnector.recordUpload(connector.id(), name, fileName, reading.ids().size());
        log.info("CSV audience \"{}\" replaced by {} ids from {} ({})", name, reading.ids().size(), fileName,
                applied ? "applied" : "queued");
        progress.update(applied ? "Imported" : "Imported; the audience changes within seconds", 1);
        return new CsvImport(connector.id(), name, reading.ids().size(), known, applied);
    }

    /** The uploaded audiences, by name: uploading under one of their names replaces its members. */
    @PreAuthorize("isAuthenticated()")
    public List<CsvAudience> uploaded(int offset, int limit) {
        return connectors.page(ConnectorKind.CSV, true, 0, 1).stream()
                .flatMap(connector -> audiences.page(connector.id(), "", false, offset, limit).stream())
                .map(audience -> new CsvAudience(audience.id(), audience.name(), audience.memberCount(),
                        audience.matchedCount(), audience.available(), audience.lastChangeAt()))
                .toList();
    }

    private record Reading(long rows, List<String> ids, List<String> firstIds, List<CsvProblem> problems,
                           long problemCount) {
    }

    /** Every row's id, checked; the ids sorted, each once. */
    private Reading read(Path file, CsvLayout layout, CsvProgress progress) {
        List<String> ids = new ArrayList<>();
        List<String> firstIds = new ArrayList<>();
        List<CsvProblem> problems = new ArrayList<>();
        long problemCount = 0;
        long rows = 0;
        long size = Math.max(1, sizeOf(file));
        try (Reader lines = new Reader(file, layout.delimiter())) {
            for (CSVRecord record : lines.parser()) {
                long line = record.getRecordNumber();
                if ((line == 1 && layout.header()) || isBlank(record)) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    problems.add(new CsvProblem(line, "the file has more than " + MAX_ROWS + " rows; split it"));
                    problemCount++;
                    break;
                }
                String problem = record.size() <= layout.column()
                        ? "has " + record.size() + " column" + (record.size() == 1 ? "" : "s") + ", so no column "
                        + (layout.column() + 1)
                        : VisitorIds.problem(record.get(layout.column()));
                if (problem != null) {
                    if (problems.size() < LISTED_PROBLEMS) {
                        problems.add(new CsvProblem(line, problem));
                    }
                    problemCount++;
                    continue;
                }
                ids.add(record.get(layout.column()));
                if (firstIds.size() < PREVIEW_ROWS) {
                    firstIds.add(record.get(layout.column()));
                }
                if (rows % PROGRESS_EVERY == 0) {
                    progress.update("Reading line " + line, Math.min(1, lines.bytesRead() / (double) size));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new CsvProblem(rows + 1, "the file cannot be read further as CSV: " + e.getMessage()));
            problemCount++;
        }
        progress.update("Read " + rows + " rows", 1);
        ids.sort(null);
        return new Reading(rows, distinct(ids), List.copyOf(firstIds), List.copyOf(problems), problemCount);
    }

    /** The sorted list without repeats, in place. */
    private static List<String> distinct(List<String> sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (kept == 0 || !sorted.get(i).equals(sorted.get(kept - 1))) {
                sorted.set(kept++, sorted.get(i));
            }
        }
        return sorted.subList(0, kept);
    }

    /** An uploaded audience's key: its name in lower case, so that uploading under it in any case replaces it. */
    private static String audienceKeyOf(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The delimiter the first line uses most: a comma, a semicolon (spreadsheets in many locales), a tab or a bar. */
    private static char delimiterOf(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return ',';
            }
            char best = ',';
            long bestCount = 0;
            for (char delimiter : DELIMITERS) {
                long count = first.chars().filter(c -> c == delimiter).count();
                if (count > bestCount) {
                    best = delimiter;
                    bestCount = count;
                }
            }
            return best;
        } catch (IOException e) {
            throw new CsvException("The uploaded file cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CsvException("The uploaded file is not UTF-8 text: save it as CSV (UTF-8) and upload it again.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CsvException("The uploaded file cannot be read: " + e.getMessage());
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** A file's records, past a UTF-8 byte order mark, counting the bytes read for the progress. */
    private static final class Reader implements AutoCloseable {

        private final BoundedInputStream counting;
        private final CSVParser parser;

        Reader(Path file, char delimiter) throws IOException {
            counting = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get();
            InputStream text = BOMInputStream.builder().setInputStream(counting).get();
            parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true)
                    .get().parse(new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8)));
        }

        CSVParser parser() {
            return parser;
        }

        long bytesRead() {
            return counting.getCount();
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
