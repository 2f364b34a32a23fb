package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kelisim.ModuleTrail.own;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.request.RequestDecisions.Result;
import org.kelisim.signature.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The two-hour deadline, on a clock the tests move. */
@RequestIntegrationTest
class DeadlineIT {

    @Autowired
    RequestDecisions decisions;

    @Autowired
    ThirdPartyRequests requests;

    @Autowired
    ExpirySweep sweep;

    @Autowired
    Submissions submissions;

    @Autowired
    PublishedEvents events;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    Party bank;
    Iin subject;

    @BeforeEach
    void givenABankAndAPerson() {
        clock.reset();
        sweep.expireOverdue();
        bank = Submissions.bank();
        subject = TestIins.random();
    }

    @Test
    void anAnswerJustBeforeTheDeadlineCounts() {
        var request = submissions.pending(bank, subject);
        clock.advance(Duration.ofHours(2).minusMillis(1));

        var decision = decisions.decide(request.id(), subject, true, Channel.CABINET, clock.instant());

        assertThat(decision.result()).isEqualTo(Result.ALLOWED);
        assertThat(decision.request().status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void anAnswerAtTheDeadlineIsTooLateAndExpiresTheRequest() {
        var request = submissions.pending(bank, subject);
        clock.advance(Duration.ofHours(2));

        var decision = decisions.decide(request.id(), subject, true, Channel.CABINET, clock.instant());

        assertThat(decision.result()).isEqualTo(Result.DEADLINE_PASSED);
        assertThat(requests.find(bank, request.id()).status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.EXPIRED);
        assertThat(own(audit.ofRequest(request.id())))
                .extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly(tuple("request.created", "ok"),
                        tuple("request.expired", "ok"),
                        tuple("consent.cabinet.allow", "deadline_passed"));
    }

    @Test
    void anAnswerToAnExpiredRequestIsTooLateAndChangesNothing() {
        var request = submissions.pending(bank, subject);
        clock.advance(Duration.ofHours(3));
        sweep.expireOverdue();

        var decision = decisions.decide(request.id(), subject, false, Channel.SMS, clock.instant());

        assertThat(decision.result()).isEqualTo(Result.DEADLINE_PASSED);
        assertThat(events.statusChangesOf(request.id())).hasSize(2);
    }

    @Test
    void theSweepExpiresOverdueRequestsOnlyAndEachOnce() {
        var early = submissions.pending(bank, subject);
        clock.advance(Duration.ofMinutes(30));
        var late = submissions.pending(bank, TestIins.random());
        var answered = submissions.pending(bank, TestIins.random());
        decisions.decide(answered.id(), answered.subject(), false, Channel.CABINET, clock.instant());
        clock.advance(Duration.ofMinutes(90));

        int expired = sweep.expireOverdue();
        int again = sweep.expireOverdue();

        // other tests' requests share the database and may be overdue on this clock too
        assertThat(expired).isPositive();
        assertThat(again).isZero();
        assertThat(requests.find(bank, early.id()).status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(requests.find(bank, early.id()).decidedAt()).isEqualTo(clock.instant());
        assertThat(requests.find(bank, late.id()).status()).isEqualTo(RequestStatus.AWAITING_CONSENT);
        assertThat(requests.find(bank, answered.id()).status()).isEqualTo(RequestStatus.DENIED);
        assertThat(own(audit.ofRequest(early.id()))).extracting(AuditRecord::action)
                .containsExactly("request.created", "request.expired");
        assertThat(events.statusChangesOf(early.id())).extracting(RequestStatusChanged::status)
                .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.EXPIRED);
    }

    @Test
    void theScheduledSweepTakesTheClusterWideLock() {
        var request = submissions.pending(bank, subject);
        clock.advance(Duration.ofHours(2));

        sweep.sweep();

        assertThat(requests.find(bank, request.id()).status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'request-expiry-sweep'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theSweepWorksThroughMoreOverdueRequestsThanOneBatch() {
        var overdue = IntStream.range(0, 5)
                .mapToObj(i -> submissions.pending(bank, TestIins.random()))
                .toList();
        clock.advance(Duration.ofHours(2));

        assertThat(sweep.expireOverdue()).isGreaterThanOrEqualTo(5);

        assertThat(overdue).allSatisfy(request ->
                assertThat(requests.find(bank, request.id()).status()).isEqualTo(RequestStatus.EXPIRED));
    }

    @Test
    void theSweepForgetsDraftsNobodySignedAnHourAfterTheyExpiredAndKeepsTheUsedOnes() {
        submissions.registered(subject, null);
        var unsigned = requests.draft(bank, subject.value(), "ADDRESS");
        var submitted = submissions.pending(bank, subject);
        clock.advance(Duration.ofMinutes(10 + 59));
        sweep.forgetUnusedDrafts();
        assertThat(drafts(unsigned.draftId())).as("expired, but not an hour ago").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        var later = requests.draft(bank, subject.value(), "ADDRESS");

        sweep.forgetUnusedDrafts();

        assertThat(drafts(unsigned.draftId())).isZero();
        assertThat(drafts(later.draftId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM request_drafts WHERE id = (SELECT draft_id FROM certificate_requests"
                + " WHERE id = ?)").param(submitted.id()).query(Long.class).single()).isEqualTo(1);
    }

    private long drafts(UUID id) {
        return jdbc.sql("SELECT count(*) FROM request_drafts WHERE id = ?").param(id).query(Long.class).single();
    }
}
