package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kelisim.identity.Iin;

class CertificateRequestTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant IN_TIME = SUBMITTED.plus(Duration.ofMinutes(119));
    private static final Instant DEADLINE = SUBMITTED.plus(Duration.ofHours(2));

    private static CertificateRequest awaiting() {
        return CertificateRequest.submit(UUID.randomUUID(), "4821", new Requester("200340000011", "АО «Банк»", true),
                Iin.of("850715300003"), CertificateType.ADDRESS, "+77011234567", new byte[] {1}, SUBMITTED,
                Duration.ofHours(2));
    }

    private static CertificateRequest in(RequestStatus status) {
        var request = awaiting();
        switch (status) {
            case AWAITING_CONSENT -> { }
            case APPROVED -> request.approve(IN_TIME);
            case DENIED -> request.deny(IN_TIME);
            case WITHDRAWN -> request.withdraw(IN_TIME);
            case EXPIRED -> request.expire(DEADLINE);
            case ISSUED -> {
                request.approve(IN_TIME);
                request.issue("KS-1", IN_TIME);
            }
            case FAILED -> {
                request.approve(IN_TIME);
                request.fail(IN_TIME);
            }
        }
        return request;
    }

    @Test
    void awaitsConsentUntilTwoHoursAfterSubmission() {
        var request = awaiting();

        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CONSENT);
        assertThat(request.deadline()).isEqualTo(DEADLINE);
        assertThat(request.isOverdue(IN_TIME)).isFalse();
        assertThat(request.isOverdue(DEADLINE)).isTrue();
    }

    @Nested
    class FromAwaitingConsent {

        @Test
        void anAllowanceApprovesIt() {
            var request = awaiting();

            request.approve(IN_TIME);

            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(request.decidedAt()).isEqualTo(IN_TIME);
        }

        @Test
        void aRefusalDeniesIt() {
            var request = awaiting();

            request.deny(IN_TIME);

            assertThat(request.status()).isEqualTo(RequestStatus.DENIED);
        }

        @Test
        void theThirdPartyWithdrawsIt() {
            var request = awaiting();

            request.withdraw(IN_TIME);

            assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
        }

        @Test
        void theDeadlineExpiresIt() {
            var request = awaiting();

            request.expire(DEADLINE);

            assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
            assertThat(request.decidedAt()).isEqualTo(DEADLINE);
        }

        @Test
        void isNotExpiredBeforeTheDeadline() {
            assertThatThrownBy(() -> awaiting().expire(IN_TIME)).hasMessage("not_overdue");
        }

        @Test
        void refusesAnAnswerAtTheDeadline() {
            var request = awaiting();

            assertThatThrownBy(() -> request.approve(DEADLINE)).hasMessage("deadline_passed");
            assertThatThrownBy(() -> request.deny(DEADLINE.plusSeconds(1))).hasMessage("deadline_passed");
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CONSENT);
        }

        @Test
        void cannotBeIssuedOrFailedBeforeApproval() {
            assertThatThrownBy(() -> awaiting().issue("KS-1", IN_TIME)).hasMessage("not_approved");
            assertThatThrownBy(() -> awaiting().fail(IN_TIME)).hasMessage("not_approved");
        }
    }

    @Nested
    class FromApproved {

        @Test
        void issuingStoresTheDocumentNumber() {
            var request = in(RequestStatus.APPROVED);

            boolean changed = request.issue("KS-2026-000001", IN_TIME);

            assertThat(changed).isTrue();
            assertThat(request.status()).isEqualTo(RequestStatus.ISSUED);
            assertThat(request.documentNumber()).isEqualTo("KS-2026-000001");
        }

        @Test
        void issuingAgainWithTheSameNumberChangesNothing() {
            var request = in(RequestStatus.ISSUED);

            assertThat(request.issue("KS-1", IN_TIME)).isFalse();
            assertThat(request.status()).isEqualTo(RequestStatus.ISSUED);
        }

        @Test
        void issuingAgainWithAnotherNumberIsRefused() {
            assertThatThrownBy(() -> in(RequestStatus.ISSUED).issue("KS-2", IN_TIME)).hasMessage("not_approved");
        }

        @Test
        void failingMarksItFailedOnce() {
            var request = in(RequestStatus.APPROVED);

            assertThat(request.fail(IN_TIME)).isTrue();
            assertThat(request.fail(IN_TIME)).isFalse();
            assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
        }

        @Test
        void anIssuedRequestCannotFail() {
            assertThatThrownBy(() -> in(RequestStatus.ISSUED).fail(IN_TIME)).hasMessage("not_approved");
        }
    }

    static Stream<Arguments> decidedOnes() {
        return Stream.of(RequestStatus.APPROVED, RequestStatus.DENIED, RequestStatus.WITHDRAWN, RequestStatus.ISSUED,
                RequestStatus.FAILED).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decidedOnes")
    void aDecidedRequestRefusesEveryAnswerAsAlreadyDecided(RequestStatus status) {
        Stream.<Consumer<CertificateRequest>>of(r -> r.approve(IN_TIME), r -> r.deny(IN_TIME),
                r -> r.withdraw(IN_TIME), r -> r.expire(DEADLINE)).forEach(change -> {
                    var request = in(status);

                    assertThatThrownBy(() -> change.accept(request)).hasMessage("already_decided");
                    assertThat(request.status()).isEqualTo(status);
                });
    }

    @Test
    void anExpiredRequestRefusesAnswersAsTooLate() {
        var request = in(RequestStatus.EXPIRED);

        assertThatThrownBy(() -> request.approve(IN_TIME)).hasMessage("deadline_passed");
        assertThatThrownBy(() -> request.withdraw(IN_TIME)).hasMessage("deadline_passed");
        assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    void showsNoPersonalDataInToString() {
        assertThat(awaiting().view().toString()).doesNotContain("850715300003", "200340000011", "Банк");
    }
}
