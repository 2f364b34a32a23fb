package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.request.RequestDecisions.Decision;
import org.kelisim.request.RequestDecisions.Result;
import org.kelisim.signature.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** What happens at once happens once: eight answers to one request, four submissions of one draft. */
@RequestIntegrationTest
class DecidedOnceIT {

    private static final int ANSWERS = 8;

    @Autowired
    RequestDecisions decisions;

    @Autowired
    Submissions submissions;

    @Autowired
    PublishedEvents events;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    @Autowired
    ThirdPartyRequests requests;

    @Autowired
    Requests stored;

    private final ExecutorService answerers = Executors.newFixedThreadPool(ANSWERS);

    @BeforeEach
    void resetTheClock() {
        clock.reset();
    }

    @AfterEach
    void stopTheAnswerers() {
        answerers.shutdownNow();
    }

    @RepeatedTest(3)
    void racingAnswersDecideTheRequestExactlyOnce() throws Exception {
        Iin subject = TestIins.random();
        var request = submissions.pending(Submissions.bank(), subject, "+77017654321");
        var start = new CountDownLatch(1);
        List<Future<Decision>> answers = new ArrayList<>();

        for (int i = 0; i < ANSWERS; i++) {
            boolean allow = i % 2 == 0;
            Channel channel = i % 4 < 2 ? Channel.CABINET : Channel.SMS;
            Callable<Decision> answer = () -> {
                start.await();
                return decisions.decide(request.id(), subject, allow, channel, clock.instant());
            };
            answers.add(answerers.submit(answer));
        }
        start.countDown();
        List<Result> results = new ArrayList<>();
        for (var answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS).result());
        }

        assertThat(results).filteredOn(result -> result == Result.ALLOWED || result == Result.REFUSED).hasSize(1);
        assertThat(results).filteredOn(result -> result == Result.ALREADY_DECIDED).hasSize(ANSWERS - 1);
        Result winner = results.stream().filter(result -> result != Result.ALREADY_DECIDED).findFirst().orElseThrow();
        RequestStatus decided = winner == Result.ALLOWED ? RequestStatus.APPROVED : RequestStatus.DENIED;
        assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                .containsExactly(RequestStatus.AWAITING_CONSENT, decided);
        var answersRecorded = audit.ofRequest(request.id()).stream()
                .filter(entry -> entry.action().startsWith("consent."))
                .toList();
        assertThat(answersRecorded).hasSize(ANSWERS);
        assertThat(answersRecorded).extracting(AuditRecord::outcome)
                .containsOnlyOnce("ok")
                .filteredOn("already_decided"::equals).hasSize(ANSWERS - 1);
    }

    @RepeatedTest(2)
    void racingSubmissionsOfOneDraftMakeOneRequest() throws Exception {
        Party bank = Submissions.bank();
        Iin subject = TestIins.random();
        submissions.registered(subject, null);
        var draft = requests.draft(bank, subject.value(), "REAL_ESTATE_RIGHTS");
        var start = new CountDownLatch(1);
        List<Future<RequestView>> submitted = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            submitted.add(answerers.submit(() -> {
                start.await();
                return requests.submit(bank, draft.draftId(), new byte[] {1, 2, 3});
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (var submission : submitted) {
            try {
                outcomes.add(submission.get(30, TimeUnit.SECONDS).status().name());
            } catch (ExecutionException refused) {
                outcomes.add(refused.getCause().getMessage());
            }
        }

        assertThat(outcomes).containsOnlyOnce("AWAITING_CONSENT")
                .filteredOn("draft_used"::equals).hasSize(3);
        assertThat(requests.history(bank, null, 0).total()).isEqualTo(1);
    }

    @Test
    void aStaleCopyOfARequestIsNotStored() {
        var request = submissions.pending(Submissions.bank(), TestIins.random());
        var first = stored.find(request.id()).orElseThrow();
        var stale = stored.find(request.id()).orElseThrow();
        first.approve(clock.instant());
        stored.update(first);

        stale.deny(clock.instant());

        assertThatThrownBy(() -> stored.update(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(stored.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
    }
}
