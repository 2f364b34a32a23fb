package org.kelisim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastContactTest {

    private static final Instant NINE = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void failsUntilItAnswersAgain() {
        var failed = LastContact.answered(NINE).then(LastContact.failed(TEN, "HTTP 503"));

        var recovered = failed.then(LastContact.answered(TEN.plusSeconds(1)));

        assertThat(failed.failing()).isTrue();
        assertThat(failed.describe()).containsEntry("state", "failing").containsEntry("reason", "HTTP 503")
                .containsEntry("lastAnswer", NINE.toString()).containsEntry("lastFailure", TEN.toString());
        assertThat(recovered.failing()).isFalse();
        assertThat(recovered.describe()).containsEntry("state", "answering")
                .containsEntry("lastFailure", TEN.toString());
    }

    @Test
    void neverFailedIsAnswering() {
        assertThat(LastContact.answered(NINE).describe()).containsOnlyKeys("state", "lastAnswer")
                .containsEntry("state", "answering");
    }
}
