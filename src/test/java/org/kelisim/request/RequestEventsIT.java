package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Modulith stores the events for listeners of other modules as JSON and reads them back on republication:
 * the events must survive that round trip with the application's own mapper.
 */
@RequestIntegrationTest
class RequestEventsIT {

    @Autowired
    JsonMapper json;

    @Autowired
    Submissions submissions;

    @Autowired
    PublishedEvents events;

    @Test
    void theRequestEventsSurviveTheirJsonRoundTrip() {
        var request = submissions.pending(Submissions.individual(), TestIins.random());
        var submitted = events.submissionsOf(request.id()).get(0);
        var changed = events.statusChangesOf(request.id()).get(0);

        var submittedAgain = json.readValue(json.writeValueAsString(submitted), RequestSubmitted.class);
        var changedAgain = json.readValue(json.writeValueAsString(changed), RequestStatusChanged.class);

        assertThat(submittedAgain).isEqualTo(submitted);
        assertThat(changedAgain).isEqualTo(changed);
        assertThat(submitted.requester().legalEntity()).isFalse();
    }
}
