package org.kelisim.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.consent.SmsAnswers.Outcome;
import org.kelisim.consent.SmsAnswers.Result;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.request.MovableClock;
import org.kelisim.request.RequestIntegrationTest;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestView;
import org.kelisim.request.Submissions;
import org.kelisim.request.TestIins;
import org.kelisim.request.ThirdPartyRequests;
import org.kelisim.signature.Party;
import org.springframework.beans.factory.annotation.Autowired;

@RequestIntegrationTest
class SmsAnswersIT {

    @Autowired
    SmsAnswers answers;

    @Autowired
    ThirdPartyRequests requests;

    @Autowired
    Submissions submissions;

    @Autowired
    MobileCitizens mobileCitizens;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    Party bank;
    Iin user;
    String phone;
    RequestView request;

    @BeforeEach
    void givenARequestToAUserInBmg() {
        clock.reset();
        bank = Submissions.bank();
        user = TestIins.random();
        phone = "+7701" + user.value().substring(5, 12);
        request = submissions.pending(bank, user, phone);
    }

    private RequestStatus statusOf(RequestView view) {
        return requests.find(bank, view.id()).status();
    }

    private Outcome sms(String from, String text) {
        return answers.answer(from, text, clock.instant());
    }

    @Nested
    class Counted {

        @Test
        void oneAndTheCodeAllows() {
            assertThat(sms(phone, "1 " + request.code())).isEqualTo(new Outcome(Result.ALLOWED, request.code()));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.APPROVED);
            assertThat(audit.ofRequest(request.id())).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("consent.sms.allow");
                assertThat(entry.outcome()).isEqualTo("ok");
            });
        }

        @Test
        void aLatinHetAndTheCodeRefuses() {
            assertThat(sms(phone, " het " + request.code())).isEqualTo(new Outcome(Result.REFUSED, request.code()));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.DENIED);
        }

        @Test
        void theNumberMayBeWrittenTheLocalWay() {
            String local = "8 (" + phone.substring(2, 5) + ") " + phone.substring(5);

            assertThat(sms(local, "ИӘ " + request.code()).result()).isEqualTo(Result.ALLOWED);
        }

        @Test
        void theCodeMayBeLeftOutWhenOneRequestIsPending() {
            assertThat(sms(phone, "да")).isEqualTo(new Outcome(Result.ALLOWED, request.code()));
        }

        @Test
        void theCodeTellsTwoPendingRequestsApart() {
            Party employer = Submissions.bank();
            var second = submissions.pending(employer, user, phone);

            assertThat(sms(phone, "0 " + second.code()).result()).isEqualTo(Result.REFUSED);

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
            assertThat(requests.find(employer, second.id()).status()).isEqualTo(RequestStatus.DENIED);
        }
    }

    @Nested
    class NotCounted {

        @Test
        void withoutACodeWhenTwoArePending() {
            submissions.pending(Submissions.bank(), user, phone);

            assertThat(sms(phone, "1")).isEqualTo(new Outcome(Result.UNKNOWN_CODE, null));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
            assertThat(audit.about(user.value(), 0, 1)).extracting(AuditRecord::outcome)
                    .containsExactly("code_required");
        }

        @Test
        void withAnUnknownCode() {
            String other = request.code().equals("1000") ? "1001" : "1000";

            assertThat(sms(phone, "1 " + other)).isEqualTo(new Outcome(Result.UNKNOWN_CODE, null));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
            assertThat(audit.about(user.value(), 0, 1)).extracting(AuditRecord::outcome)
                    .containsExactly("unknown_code");
        }

        @Test
        void fromAPhoneNoRequestWasSentTo() {
            assertThat(sms("+77470000001", "1 " + request.code())).isEqualTo(new Outcome(Result.UNKNOWN_PHONE, null));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
        }

        @Test
        void fromAPhoneBmgNoLongerHoldsForTheUser() {
            given(mobileCitizens.phoneOf(user)).willReturn(Optional.of("+77479999999"));

            assertThat(sms(phone, "1 " + request.code()).result()).isEqualTo(Result.UNKNOWN_PHONE);

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
        }

        @Test
        void whenTheTextIsNoAnswer() {
            assertThat(sms(phone, "Кто это?")).isEqualTo(new Outcome(Result.NOT_UNDERSTOOD, null));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.AWAITING_CONSENT);
            assertThat(audit.about(user.value(), 0, 1)).extracting(AuditRecord::action, AuditRecord::outcome)
                    .containsExactly(tuple("consent.sms", "not_understood"));
        }

        @Test
        void afterTheDeadlineWhichExpiresTheRequest() {
            clock.advance(Duration.ofHours(2));

            assertThat(sms(phone, "1 " + request.code())).isEqualTo(new Outcome(Result.TOO_LATE, request.code()));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.EXPIRED);
        }

        @Test
        void whenTheRequestIsAlreadyDecided() {
            sms(phone, "0 " + request.code());

            assertThat(sms(phone, "1 " + request.code()))
                    .isEqualTo(new Outcome(Result.ALREADY_DECIDED, request.code()));

            assertThat(statusOf(request)).isEqualTo(RequestStatus.DENIED);
        }

        @Test
        void whenTheOnlyRequestWithoutACodeIsAlreadyDecided() {
            sms(phone, "0");

            assertThat(sms(phone, "1").result()).isEqualTo(Result.ALREADY_DECIDED);
        }
    }
}
