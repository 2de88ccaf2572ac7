package io.audiencehub.csv.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import io.audiencehub.KaribuTest;
import org.junit.jupiter.api.Test;

/** Everyone sees the uploaded audiences; only admins get the upload. */
class CsvAudiencesViewTest extends KaribuTest {

    @Test
    void aViewerSeesTheUploadedAudiencesButCannotUpload() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate("integrations/hub/csv");

        assertThat(_get(Grid.class, spec -> spec.withId("csv-audiences")).getColumns()).hasSize(5);
        assertThat(_find(Upload.class)).isEmpty();
    }

    @Test
    void anAdminGetsTheUploadAndNothingToCheckBeforeAFileArrives() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/csv");

        assertThat(_get(Upload.class, spec -> spec.withId("csv-upload")).getElement().getAttribute("aria-label"))
                .isEqualTo("Upload a CSV file of visitor ids");
        assertThat(_find(Button.class, spec -> spec.withId("csv-check"))).as("hidden until a file arrives").isEmpty();
    }
}
