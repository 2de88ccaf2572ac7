package io.audiencehub.segment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.ExternalData;
import io.audiencehub.segment.ReachEstimate;
import io.audiencehub.segment.Segment;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentPreview;
import io.audiencehub.segment.SegmentPreviews;
import io.audiencehub.segment.SegmentService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each gesture in the builder costs one service call, the preview, however many EXTERNAL DATA rows the segment has. */
class BuilderRoundTripsTest {

    private static final int ROWS = 12;

    private final SegmentService segments = mock(SegmentService.class);
    private final SegmentPreviews previews = mock(SegmentPreviews.class);
    private final ExternalData externalData = mock(ExternalData.class);

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aGestureOnASegmentOfManyAudiencesIsOnePreview() {
        SegmentDefinition definition = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL,
                IntStream.rangeClosed(1, ROWS).<SegmentNode>mapToObj(audience ->
                        new Condition(new Criterion.ExternalAudience(1, audience), false)).toList()));
        when(segments.find(5)).thenReturn(Optional.of(new Segment(5, "Many", definition, "admin", Instant.now())));
        List<String> texts = IntStream.rangeClosed(1, ROWS).mapToObj(audience -> "is in audience " + audience).toList();
        when(previews.preview(any())).thenReturn(new SegmentPreview("all of them", texts, new ReachEstimate(3L, false),
                List.of()));
        AuthenticationContext authentication = mock(AuthenticationContext.class);
        when(authentication.hasRole("ADMIN")).thenReturn(true);
        SegmentBuilderView builder = new SegmentBuilderView(segments, previews, externalData, authentication);
        BeforeEnterEvent entering = mock(BeforeEnterEvent.class);
        when(entering.getRouteParameters()).thenReturn(new RouteParameters("segmentId", "5"));
        builder.beforeEnter(entering);
        UI.getCurrent().add(builder);
        assertThat(_find(builder, Span.class, spec -> spec.withClasses("criterion-text")))
                .extracting(Span::getText).as("each row shows the preview's text").containsExactlyElementsOf(texts);
        clearInvocations(segments, previews, externalData);

        combinator(builder).setValue(Combinator.SOME);
        _get(builder, Checkbox.class, spec -> spec.withId("negate-3")).setValue(true);

        verify(previews, times(2)).preview(any());
        verifyNoInteractions(segments, externalData);
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<Combinator> combinator(SegmentBuilderView builder) {
        return _get(builder, RadioButtonGroup.class, spec -> spec.withId("root-combinator"));
    }
}
