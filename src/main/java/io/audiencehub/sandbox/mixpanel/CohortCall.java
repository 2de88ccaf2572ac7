package io.audiencehub.sandbox.mixpanel;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelProject.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One call of Mixpanel's cohort sync to a Custom Webhook, as ../shared/mixpanel-cohort-sync.md §2 writes it. */
record CohortCall(String action, Parameters parameters) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Parameters(String mixpanelProjectId, String mixpanelCohortId, String mixpanelCohortName,
                      String mixpanelCohortDescription, String mixpanelSessionId, PageInfo pageInfo,
                      List<Map<String, String>> members) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PageInfo(int totalPages, int pageCount) {
    }

    static CohortCall page(String action, MixpanelCohort cohort, String sessionId, int pageCount, int totalPages,
                           List<Member> members, String exportProperty) {
        return new CohortCall(action, new Parameters(String.valueOf(cohort.projectId()), String.valueOf(cohort.id()),
                cohort.name(), cohort.description() == null ? "" : cohort.description(), sessionId,
                new PageInfo(totalPages, pageCount), members.stream().map(member -> exported(member, exportProperty))
                .toList()));
    }

    /** Mixpanel always sends these four; the exported property only for a user who has it. */
    private static Map<String, String> exported(Member member, String exportProperty) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", member.email() == null ? "" : member.email());
        fields.put("mixpanel_distinct_id", member.distinctId());
        fields.put("first_name", "");
        fields.put("last_name", "");
        if (member.exported() != null) {
            fields.put(exportProperty, member.exported());
        }
        return fields;
    }
}
