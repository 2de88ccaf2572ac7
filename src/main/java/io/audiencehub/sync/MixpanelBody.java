package io.audiencehub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Mixpanel cohort sync call, as ../shared/mixpanel-cohort-sync.md shows it; unknown fields are
 * ignored. The ids are read as JSON values, since Mixpanel writes them as strings and a project's may
 * be a number; each member is an object of exported properties.
 */
record MixpanelBody(String action, Parameters parameters) {

    record Parameters(JsonNode mixpanelProjectId, JsonNode mixpanelCohortId, String mixpanelCohortName,
                      String mixpanelCohortDescription, String mixpanelSessionId, PageInfo pageInfo,
                      List<JsonNode> members) {
    }

    record PageInfo(Integer totalPages, Integer pageCount) {
    }
}
