package io.audiencehub.csv.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.FileUploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.Times;
import io.audiencehub.csv.CsvAudience;
import io.audiencehub.csv.CsvAudienceService;
import io.audiencehub.csv.CsvCheck;
import io.audiencehub.csv.CsvFile;
import io.audiencehub.csv.CsvImport;
import io.audiencehub.csv.CsvLayout;
import io.audiencehub.csv.CsvProblem;
import jakarta.annotation.security.PermitAll;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Integration Hub > CSV audiences: an admin uploads a file of visitor ids, says how to read it, checks it
 * (the first ids, how many are known visitors, every bad row by line, with a progress bar) and imports it
 * under a name; an existing name replaces that audience's members. Everyone sees the uploaded audiences.
 */
@Route("integrations/hub/csv")
@PageTitle("CSV audiences | Audience Hub")
@PermitAll
public class CsvAudiencesView extends Composite<VerticalLayout> {

    private static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    private static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    /** What the admin chooses about the uploaded file. */
    static final class Choices {
        private boolean header;
        private Integer column = 0;
        private String audienceName;

        boolean isHeader() {
            return header;
        }

        void setHeader(boolean header) {
            this.header = header;
        }

        Integer getColumn() {
            return column;
        }

        void setColumn(Integer column) {
            this.column = column;
        }

        String getAudienceName() {
            return audienceName;
        }

        void setAudienceName(String audienceName) {
            this.audienceName = audienceName;
        }
    }

    private final CsvAudienceService csv;
    private final Binder<Choices> binder = new Binder<>();
    private final Choices choices = new Choices();
    private final Span fileName = new Span();
    private final Checkbox header = new Checkbox("The first line names the columns");
    private final Select<Integer> column = new Select<>();
    private final ComboBox<String> audienceName = new ComboBox<>("Audience name");
    private final Button check = new Button("Check file");
    private final Button importAudience = new Button("Import audience");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Paragraph summary = new Paragraph();
    private final UnorderedList preview = new UnorderedList();
    private final UnorderedList problems = new UnorderedList();
    private final Div chosenFile = new Div();
    private final Grid<CsvAudience> uploaded = new Grid<>();
    private UI ui;
    private Path file;
    private CsvFile inspected;
    private CsvCheck checked;

    CsvAudiencesView(CsvAudienceService csv, AuthenticationContext authentication) {
        this.csv = csv;
        VerticalLayout content = getContent();
        content.add(new H2("CSV audiences"), new Paragraph("Upload a file of visitor ids (one a line, or a column of a"
                + " spreadsheet export with a header) as an audience. Uploading under an existing name replaces that"
                + " audience's members as one change. Uploaded audiences show in the Directory and under EXTERNAL DATA"
                + " once a member is a known visitor."));
        if (authentication.hasRole("ADMIN")) {
            content.add(uploadForm());
        }
        uploaded.setId("csv-audiences");
        uploaded.addColumn(CsvAudience::name).setHeader("Audience").setAutoWidth(true);
        uploaded.addColumn(CsvAudience::members).setHeader("Members").setAutoWidth(true);
        uploaded.addColumn(CsvAudience::knownVisitors).setHeader("Known visitors").setAutoWidth(true);
        uploaded.addColumn(audience -> audience.available() ? "yes" : "not yet: no member is a known visitor")
                .setHeader("Offered to targeting").setAutoWidth(true);
        uploaded.addColumn(audience -> Times.format(audience.lastUploadAt())).setHeader("Last upload").setAutoWidth(true);
        uploaded.setItems(query -> csv.uploaded(query.getOffset(), query.getLimit()).stream());
        content.add(new H3("Uploaded audiences"), uploaded);
    }

    private VerticalLayout uploadForm() {
        Upload upload = new Upload(new FileUploadHandler((metadata, uploadedFile) ->
                ui.access(() -> received(metadata.fileName(), uploadedFile)), metadata -> csv.newUpload()) {
            // the browser checks the size too, but only this limit holds against any client
            @Override
            public long getFileSizeMax() {
                return MAX_FILE_BYTES;
            }

            @Override
            public long getRequestSizeMax() {
                return MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;
            }
        });
        upload.setId("csv-upload");
        upload.setAcceptedFileTypes("text/csv", "text/plain", ".csv", ".txt", ".tsv");
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button("Choose a CSV file"));
        upload.getElement().setAttribute("aria-label", "Upload a CSV file of visitor ids");
        fileName.setId("csv-file-name");

        header.setId("csv-header");
        column.setId("csv-column");
        column.setLabel("Column with the visitor ids");
        binder.forField(header).bind(Choices::isHeader, Choices::setHeader);
        binder.forField(column).bind(Choices::getColumn, Choices::setColumn);
        audienceName.setId("csv-audience-name");
        audienceName.setAllowCustomValue(true);
        audienceName.addCustomValueSetListener(event -> audienceName.setValue(event.getDetail()));
        audienceName.setHelperText("A new name makes a new audience; an existing one replaces its members.");
        audienceName.setWidth("24rem");
        binder.forField(audienceName).asRequired("Give the audience a name")
                .withValidator(name -> name.strip().length() <= CsvAudienceService.MAX_NAME_LENGTH,
                        "At most " + CsvAudienceService.MAX_NAME_LENGTH + " characters")
                .bind(Choices::getAudienceName, Choices::setAudienceName);
        binder.setBean(choices);
        header.addValueChangeListener(change -> layoutChanged());
        column.addValueChangeListener(change -> layoutChanged());

        check.setId("csv-check");
        check.addClickListener(click -> startCheck());
        importAudience.setId("csv-import");
        importAudience.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAudience.addClickListener(click -> startImport());
        progress.setId("csv-progress");
        progress.getElement().setAttribute("aria-label", "Progress of the check or import");
        status.setId("csv-status");
        summary.setId("csv-summary");
        preview.setId("csv-preview");
        problems.setId("csv-problems");
        chosenFile.add(fileName, new FormLayout(header, column), check, progress, status, summary,
                new H3("First ids"), preview, problems, audienceName, importAudience);
        chosenFile.setVisible(false);
        reset();
        return new VerticalLayout(upload, chosenFile);
    }

    private void received(String name, File uploadedFile) {
        discardFile();
        file = uploadedFile.toPath();
        try {
            inspected = csv.inspect(file, name);
        } catch (RuntimeException e) {
            discardFile();
            show(e.getMessage(), true);
            chosenFile.setVisible(true);
            return;
        }
        fileName.setText("File: " + name);
        List<String> columns = inspected.columns();
        column.setItems(IntStream.range(0, columns.size()).boxed().toList());
        column.setItemLabelGenerator(index -> "Column " + (index + 1) + ": " + columns.get(index));
        column.setVisible(inspected.multiColumn());
        choices.setHeader(inspected.suggested().header());
        choices.setColumn(inspected.suggested().column());
        binder.setBean(choices);
        header.setEnabled(!inspected.multiColumn());
        offerUploadedNames();
        chosenFile.setVisible(true);
        layoutChanged();
    }

    private void layoutChanged() {
        checked = null;
        importAudience.setEnabled(false);
        summary.setText("");
        preview.removeAll();
        problems.removeAll();
        check.setEnabled(file != null);
        progress.setValue(0);
        status.setText(file == null ? "" : "Check the file to see its ids before importing it.");
    }

    private void startCheck() {
        CsvLayout layout = layout();
        check.setEnabled(false);
        run(csv.checkInBackground(file, layout, this::progressed), result -> {
            checked = result;
            summary.setText(result.rows() + " rows, " + result.distinctIds() + " distinct ids, "
                    + result.knownVisitors() + " of them known visitors.");
            result.firstIds().forEach(id -> preview.add(new ListItem(id)));
            for (CsvProblem problem : result.problems()) {
                problems.add(new ListItem(problem.toString()));
            }
            if (result.problemCount() > result.problems().size()) {
                problems.add(new ListItem("... and " + (result.problemCount() - result.problems().size())
                        + " more bad rows"));
            }
            status.setText(result.importable() ? "Checked: ready to import."
                    : result.problemCount() > 0 ? result.problemCount() + " bad rows: fix them and upload the file"
                    + " again; nothing is imported from a file with a bad row." : "The file holds no visitor id.");
            check.setEnabled(true);
            importAudience.setEnabled(result.importable());
        });
    }

    private void startImport() {
        if (checked == null || !binder.validate().isOk()) {
            return;
        }
        importAudience.setEnabled(false);
        check.setEnabled(false);
        run(csv.importInBackground(choices.getAudienceName(), file, inspected.fileName(), layout(),
                this::progressed), result -> {
            // the ids are stored: the file's other columns are kept no longer than needed
            discardFile();
            show(importedText(result), false);
            uploaded.getDataProvider().refreshAll();
            offerUploadedNames();
        });
    }

    /** The uploaded audiences' names, keeping the name typed so far. */
    private void offerUploadedNames() {
        String typed = audienceName.getValue();
        audienceName.setItems(csv.uploaded(0, 1_000).stream().map(CsvAudience::name).toList());
        if (typed != null) {
            audienceName.setValue(typed);
        }
    }

    private static String importedText(CsvImport result) {
        return "Imported \"" + result.audienceName() + "\": " + result.ids() + " ids, " + result.knownVisitors()
                + " known visitors" + (result.applied() ? "." : "; the audience changes within seconds.");
    }

    private <T> void run(CompletableFuture<T> work, Consumer<T> done) {
        progress.setIndeterminate(false);
        progress.setValue(0);
        work.whenComplete((result, failure) -> ui.access(() -> {
            progress.setIndeterminate(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                show(cause.getMessage(), true);
                check.setEnabled(file != null);
                importAudience.setEnabled(checked != null && checked.importable());
                return;
            }
            progress.setValue(1);
            done.accept(result);
        }));
    }

    /** Called from the work's thread: the UI is changed only under its lock. */
    private void progressed(String step, double fraction) {
        ui.access(() -> {
            progress.setIndeterminate(fraction < 0);
            if (fraction >= 0) {
                progress.setValue(fraction);
            }
            status.setText(step);
        });
    }

    private CsvLayout layout() {
        return new CsvLayout(inspected.suggested().delimiter(), choices.isHeader(),
                choices.getColumn() == null ? 0 : choices.getColumn());
    }

    private void show(String message, boolean error) {
        status.setText(message);
        status.getElement().getThemeList().set("badge error", error);
    }

    private void reset() {
        file = null;
        inspected = null;
        checked = null;
    }

    private void discardFile() {
        if (file != null) {
            csv.discardUpload(file);
        }
        reset();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        ui = attachEvent.getUI();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        discardFile();
    }
}
