package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RequestIntegrationTest
class RequestCountsIT {

    @Autowired
    RequestCounts counts;

    @Autowired
    Submissions submissions;

    @Test
    void countsEachStatusAndShowsTheEmptyOnesAtZero() {
        long before = counts.byStatus().get(RequestStatus.AWAITING_CONSENT);
        var user = TestIins.random();
        submissions.registered(user, "+77011112299");

        submissions.pending(Submissions.bank(), user, "+77011112299");

        var after = counts.byStatus();
        assertThat(after).containsOnlyKeys(RequestStatus.values());
        assertThat(after.get(RequestStatus.AWAITING_CONSENT)).isEqualTo(before + 1);
    }
}
