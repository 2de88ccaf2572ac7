package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.audiencehub.campaign.DecisionRequest.Answer;
import io.audiencehub.campaign.DecisionRequest.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's baseline reads and checks requests as the decision API does, and decides once for everyone. */
class NoOpDecisionControllerTest {

    private final DecisionService decisions = mock(DecisionService.class);
    private final NoOpDecisionController baseline = new NoOpDecisionController(new DecisionRequestReader(), decisions,
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void theFirstVisitorsCampaignsAreReplayedForEveryoneAfter() {
        Decisions.Decision banner = new Decisions.Decision(1, "Banner", "v-1", "Blue", null, null);
        when(decisions.decide(any(), any(), eq(false))).thenReturn(new Decisions("first", List.of(banner), false,
                Map.of("heap", true)));

        baseline.decide(new DecisionRequest("first", null));
        Answer second = baseline.decide(new DecisionRequest("second", new Context("https://shop.example.com/", "mobile",
                null, null, null, Map.of(), null, null)));

        assertThat(second).isEqualTo(new Answer("second", false, List.of(banner), Map.of("heap", true), null));
        verify(decisions, times(1)).decide(any(), any(), eq(false));
    }

    @Test
    void aRequestTheDecisionApiRefusesIsRefusedAlike() {
        assertThatThrownBy(() -> baseline.decide(new DecisionRequest("first", new Context(null, "fridge", null, null,
                null, null, null, null)))).isInstanceOf(DecisionRequestReader.Refused.class)
                .hasMessage("context.device: must be one of desktop, mobile, tablet");
        assertThatThrownBy(() -> baseline.decide(null)).isInstanceOf(DecisionRequestReader.Refused.class)
                .hasMessageStartingWith("the body is empty");
    }
}
