package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.signature.Party;
import org.springframework.beans.factory.annotation.Autowired;

/** How the certificate module reports issuance: APPROVED becomes ISSUED or FAILED, once. */
@RequestIntegrationTest
class RequestIssuanceIT {

    @Autowired
    RequestIssuance issuance;

    @Autowired
    RequestDecisions decisions;

    @Autowired
    ThirdPartyRequests requests;

    @Autowired
    Submissions submissions;

    @Autowired
    PublishedEvents events;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    Party bank;
    RequestView request;

    @BeforeEach
    void givenAnApprovedRequest() {
        clock.reset();
        bank = Submissions.bank();
        request = submissions.pending(bank, TestIins.random());
        decisions.decide(request.id(), request.subject(), true, Channel.CABINET, clock.instant());
    }

    @Test
    void anIssuedCertificateCompletesTheRequestWithItsNumber() {
        issuance.issued(request.id(), "KS-2026-000042");

        var issued = requests.find(bank, request.id());
        assertThat(issued.status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(issued.documentNumber()).isEqualTo("KS-2026-000042");
        assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.APPROVED, RequestStatus.ISSUED);
        assertThat(audit.ofRequest(request.id())).extracting(AuditRecord::action).last().isEqualTo("request.issued");
    }

    @Test
    void reportingTheSameIssueTwiceChangesNothing() {
        issuance.issued(request.id(), "KS-2026-000042");

        issuance.issued(request.id(), "KS-2026-000042");

        assertThat(events.statusChangesOf(request.id())).hasSize(3);
        assertThat(audit.ofRequest(request.id())).filteredOn(entry -> entry.action().equals("request.issued"))
                .hasSize(1);
    }

    @Test
    void aSecondDocumentNumberIsRefused() {
        issuance.issued(request.id(), "KS-2026-000042");

        assertThatThrownBy(() -> issuance.issued(request.id(), "KS-2026-000043")).hasMessage("not_approved");
        assertThat(requests.find(bank, request.id()).documentNumber()).isEqualTo("KS-2026-000042");
    }

    @Test
    void aFailureCompletesTheRequestAsFailedOnce() {
        issuance.failed(request.id());
        issuance.failed(request.id());

        assertThat(requests.find(bank, request.id()).status()).isEqualTo(RequestStatus.FAILED);
        assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.APPROVED, RequestStatus.FAILED);
    }

    @Test
    void aRequestThatWasNotApprovedIsNeitherIssuedNorFailed() {
        var pending = submissions.pending(bank, TestIins.random());

        assertThatThrownBy(() -> issuance.issued(pending.id(), "KS-1")).hasMessage("not_approved");
        assertThatThrownBy(() -> issuance.failed(pending.id())).hasMessage("not_approved");
        assertThat(requests.find(bank, pending.id()).status()).isEqualTo(RequestStatus.AWAITING_CONSENT);
    }

    @Test
    void anUnknownRequestIsNotFound() {
        assertThatThrownBy(() -> issuance.failed(UUID.randomUUID())).hasMessage("request_not_found");
    }
}
