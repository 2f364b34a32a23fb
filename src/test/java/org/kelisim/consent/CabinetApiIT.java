package org.kelisim.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.request.MovableClock;
import org.kelisim.request.PublishedEvents;
import org.kelisim.request.RequestIntegrationTest;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.request.RequestView;
import org.kelisim.request.Submissions;
import org.kelisim.request.TestIins;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RequestIntegrationTest
class CabinetApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Submissions submissions;

    @Autowired
    PublishedEvents events;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    Iin me;
    Party bank;
    RequestView request;

    @BeforeEach
    void givenARequestAboutMe() {
        clock.reset();
        me = TestIins.random();
        bank = Submissions.bank();
        request = submissions.pending(bank, me);
    }

    private static Party person(Iin iin) {
        return new Party(iin.value(), null, "Сейітқали Айгерім", null, Set.of(Role.INDIVIDUAL));
    }

    private MockHttpServletRequestBuilder as(Party party, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new PartyAuthentication(party))).contentType(MediaType.APPLICATION_JSON);
    }

    private ResultActions answer(Iin who, RequestView what, boolean allow) throws Exception {
        return mvc.perform(as(person(who), post("/api/v1/me/requests/" + what.id() + "/decision"))
                .content("{\"allow\": " + allow + "}"));
    }

    @Nested
    class MyRequests {

        @Test
        void showWhoAsksForWhatUntilWhenAndTheSmsCode() throws Exception {
            mvc.perform(as(person(me), get("/api/v1/me/requests")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(request.id().toString()))
                    .andExpect(jsonPath("$.items[0].requester.id").value(bank.bin()))
                    .andExpect(jsonPath("$.items[0].requester.name").value("АО «Береке Банк»"))
                    .andExpect(jsonPath("$.items[0].requester.legalEntity").value(true))
                    .andExpect(jsonPath("$.items[0].certificate").value("ADDRESS"))
                    .andExpect(jsonPath("$.items[0].status").value("AWAITING_CONSENT"))
                    .andExpect(jsonPath("$.items[0].deadline").value(request.deadline().toString()))
                    .andExpect(jsonPath("$.items[0].code").value(request.code()));
        }

        @Test
        void showNothingAboutOthers() throws Exception {
            mvc.perform(as(person(TestIins.random()), get("/api/v1/me/requests")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(0))
                    .andExpect(jsonPath("$.items").isEmpty());
        }

        @Test
        void areForIndividualsOnly() throws Exception {
            mvc.perform(as(bank, get("/api/v1/me/requests"))).andExpect(status().isForbidden());
        }
    }

    @Nested
    class Decision {

        @Test
        void anAllowanceApprovesTheRequest() throws Exception {
            answer(me, request, true)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("APPROVED"))
                    .andExpect(jsonPath("$.decidedAt").value(clock.instant().toString()));

            assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                    .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.APPROVED);
            assertThat(audit.ofRequest(request.id())).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("consent.cabinet.allow");
                assertThat(entry.actorId()).isEqualTo(me.value());
                assertThat(entry.outcome()).isEqualTo("ok");
            });
        }

        @Test
        void aRefusalDeniesTheRequest() throws Exception {
            answer(me, request, false)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DENIED"));
        }

        @Test
        void aSecondAnswerIsRefusedAndRecorded() throws Exception {
            answer(me, request, true).andExpect(status().isOk());

            mvc.perform(as(person(me), post("/api/v1/me/requests/" + request.id() + "/decision"))
                            .header("Accept-Language", "en").content("{\"allow\": false}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("already_decided"))
                    .andExpect(jsonPath("$.detail")
                            .value("This request has already been decided; another answer changes nothing."));

            assertThat(audit.ofRequest(request.id())).extracting(AuditRecord::outcome).last()
                    .isEqualTo("already_decided");
            assertThat(events.statusChangesOf(request.id())).hasSize(2);
        }

        @Test
        void anAnswerAfterTheDeadlineIsRefusedAndTheRequestExpires() throws Exception {
            clock.advance(Duration.ofHours(2).plusSeconds(1));

            answer(me, request, true)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("deadline_passed"));

            mvc.perform(as(person(me), get("/api/v1/me/requests")))
                    .andExpect(jsonPath("$.items[0].status").value("EXPIRED"));
        }

        @Test
        void aRequestAboutSomeoneElseIsNotFoundAndStaysUndecided() throws Exception {
            Iin someoneElse = TestIins.random();

            answer(someoneElse, request, true)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("request_not_found"));

            mvc.perform(as(person(me), get("/api/v1/me/requests")))
                    .andExpect(jsonPath("$.items[0].status").value("AWAITING_CONSENT"));
            assertThat(audit.about(me.value(), 0, 1)).singleElement().satisfies(entry -> {
                assertThat(entry.actorId()).isEqualTo(someoneElse.value());
                assertThat(entry.outcome()).isEqualTo("not_yours");
            });
        }

        @Test
        void anAnswerWithoutAllowIsMalformed() throws Exception {
            mvc.perform(as(person(me), post("/api/v1/me/requests/" + request.id() + "/decision")).content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("malformed_request"));
        }
    }
}
