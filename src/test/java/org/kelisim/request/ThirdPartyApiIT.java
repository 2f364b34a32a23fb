package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.shared.DomainException.Kind;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.RequestSignatureVerifier;
import org.kelisim.signature.SignatureRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RequestIntegrationTest
class ThirdPartyApiIT {

    private static final byte[] CMS = "the party's CMS".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    @Autowired
    PublishedEvents events;

    @Autowired
    Submissions submissions;

    @Autowired
    MobileCitizens mobileCitizens;

    @Autowired
    RequestSignatureVerifier signatures;

    Party bank;
    Iin subject;

    @BeforeEach
    void givenABankAndAPersonOnThePortalAndInBmg() {
        clock.reset();
        bank = Submissions.bank();
        subject = TestIins.random();
        submissions.registered(subject, "+77011234567");
    }

    private MockHttpServletRequestBuilder as(Party party, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new PartyAuthentication(party))).contentType(MediaType.APPLICATION_JSON);
    }

    private JsonNode draft(Party party, String iin, String certificate) throws Exception {
        String body = mvc.perform(as(party, post("/api/v1/requests/drafts"))
                        .content("{\"iin\": \"" + iin + "\", \"certificate\": \"" + certificate + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private String submitBody(JsonNode draft) {
        return "{\"draftId\": \"" + draft.get("draftId").asString() + "\", \"cms\": \""
                + Base64.getEncoder().encodeToString(CMS) + "\"}";
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Nested
    class RegistrationCheck {

        @Test
        void saysWhereThePersonIsRegisteredAndRecordsTheCheck() throws Exception {
            given(mobileCitizens.phoneOf(subject)).willReturn(Optional.empty());

            mvc.perform(as(bank, get("/api/v1/registration/" + subject.value())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.iin").value(subject.value()))
                    .andExpect(jsonPath("$.portal").value(true))
                    .andExpect(jsonPath("$.mobile").value(false))
                    .andExpect(jsonPath("$.canBeAsked").value(true));

            assertThat(audit.about(subject.value(), 0, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("registration.checked");
                assertThat(entry.actorId()).isEqualTo(bank.bin());
                assertThat(entry.actorName()).isEqualTo("АО «Береке Банк»");
                assertThat(entry.outcome()).isEqualTo("portal");
            });
        }

        @Test
        void saysThatSomeoneNeitherOnThePortalNorInBmgCannotBeAsked() throws Exception {
            Iin stranger = TestIins.random();

            mvc.perform(as(bank, get("/api/v1/registration/" + stranger.value())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.portal").value(false))
                    .andExpect(jsonPath("$.mobile").value(false))
                    .andExpect(jsonPath("$.canBeAsked").value(false));
        }

        @Test
        void refusesAnInvalidIinInTheCallersLanguageAndStoresNothing() throws Exception {
            long entries = count("audit_entries");
            long counts = count("registration_check_counts");

            mvc.perform(as(bank, get("/api/v1/registration/123456789011")).header("Accept-Language", "kk"))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.code").value("invalid_iin"))
                    .andExpect(jsonPath("$.detail").value(containsString("ЖСН")));

            assertThat(count("audit_entries")).isEqualTo(entries);
            assertThat(count("registration_check_counts")).isEqualTo(counts);
        }

        @Test
        void refusesMoreChecksPerMinuteThanTheLimitForThatPartyOnly() throws Exception {
            for (int i = 0; i < 5; i++) {
                mvc.perform(as(bank, get("/api/v1/registration/" + subject.value()))).andExpect(status().isOk());
            }

            mvc.perform(as(bank, get("/api/v1/registration/" + subject.value())).header("Accept-Language", "en"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.code").value("too_many_checks"))
                    .andExpect(jsonPath("$.detail").value("Too many registration checks in a minute. "
                            + "Please try again shortly."));
            mvc.perform(as(Submissions.bank(), get("/api/v1/registration/" + subject.value())))
                    .andExpect(status().isOk());
            clock.advance(Duration.ofMinutes(1));
            mvc.perform(as(bank, get("/api/v1/registration/" + subject.value()))).andExpect(status().isOk());
        }

        @Test
        void isForSignedInPartiesOnly() throws Exception {
            mvc.perform(get("/api/v1/registration/" + subject.value())).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class Drafts {

        @Test
        void bindTheNonceTheRequesterTheSubjectTheCertificateAndTheTime() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "REAL_ESTATE_PRESENCE");

            String data = new String(Base64.getDecoder().decode(draft.get("dataToSign").asString()),
                    StandardCharsets.UTF_8);
            assertThat(data).startsWith("kelisim-request: 1\n")
                    .contains("draft: " + draft.get("draftId").asString() + "\n")
                    .containsPattern("nonce: [A-Za-z0-9_-]{43}\n")
                    .contains("requester: " + bank.bin() + "\n", "requester-name: АО «Береке Банк»\n",
                            "subject: " + subject.value() + "\n", "certificate: REAL_ESTATE_PRESENCE\n");
            assertThat(Instant.parse(draft.get("expiresAt").asString()))
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        }

        @Test
        void carryAFreshNonceEachTime() throws Exception {
            String first = draft(bank, subject.value(), "ADDRESS").get("dataToSign").asString();
            String second = draft(bank, subject.value(), "ADDRESS").get("dataToSign").asString();

            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void areRefusedForAnInvalidIinWithNothingStored() throws Exception {
            long drafts = count("request_drafts");

            mvc.perform(as(bank, post("/api/v1/requests/drafts"))
                            .content("{\"iin\": \"85071530000\", \"certificate\": \"ADDRESS\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("invalid_iin"));

            assertThat(count("request_drafts")).isEqualTo(drafts);
        }

        @Test
        void areRefusedForAnUnknownCertificate() throws Exception {
            mvc.perform(as(bank, post("/api/v1/requests/drafts"))
                            .content("{\"iin\": \"" + subject.value() + "\", \"certificate\": \"SALARY\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("unknown_certificate"))
                    .andExpect(jsonPath("$.detail").value(startsWith("Такой справки нет")));
        }

        @Test
        void areRefusedForSomeoneNeitherOnThePortalNorInBmgAndTheAttemptIsRecorded() throws Exception {
            Iin stranger = TestIins.random();
            given(mobileCitizens.phoneOf(stranger)).willReturn(Optional.empty());
            long drafts = count("request_drafts");

            mvc.perform(as(bank, post("/api/v1/requests/drafts"))
                            .content("{\"iin\": \"" + stranger.value() + "\", \"certificate\": \"ADDRESS\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("user_not_registered"));

            assertThat(count("request_drafts")).isEqualTo(drafts);
            assertThat(audit.about(stranger.value(), 0, 10)).extracting(AuditRecord::outcome)
                    .containsExactly("not_registered");
        }
    }

    @Nested
    class Submission {

        @Test
        void createsARequestAwaitingConsentForTwoHours() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");
            byte[] dataToSign = Base64.getDecoder().decode(draft.get("dataToSign").asString());

            String body = mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("AWAITING_CONSENT"))
                    .andExpect(jsonPath("$.certificate").value("ADDRESS"))
                    .andExpect(jsonPath("$.iin").value(subject.value()))
                    .andExpect(jsonPath("$.deadline").value(clock.instant().plus(Duration.ofHours(2)).toString()))
                    .andReturn().getResponse().getContentAsString();

            UUID id = UUID.fromString(json.readTree(body).get("id").asString());
            then(signatures).should().verify(CMS, dataToSign, bank, clock.instant());
            assertThat(events.submissionsOf(id)).singleElement().satisfies(submitted -> {
                assertThat(submitted.code()).matches("\\d{4,6}");
                assertThat(submitted.subject()).isEqualTo(subject);
                assertThat(submitted.requester().id()).isEqualTo(bank.bin());
            });
            assertThat(events.statusChangesOf(id)).extracting(RequestStatusChanged::status)
                    .containsExactly(RequestStatus.AWAITING_CONSENT);
            assertThat(audit.ofRequest(id)).extracting(AuditRecord::action).containsExactly("request.created");
        }

        @Test
        void givesEachPendingRequestOfOnePersonItsOwnCode() {
            var codes = IntStream.range(0, 12)
                    .mapToObj(i -> submissions.pending(bank, subject).code())
                    .toList();

            assertThat(codes).doesNotHaveDuplicates();
        }

        @Test
        void usesADraftOnce() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");
            mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isCreated());

            mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("draft_used"));
        }

        @Test
        void refusesAnExpiredDraft() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");
            clock.advance(Duration.ofMinutes(10));

            mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("draft_expired"));
        }

        @Test
        void refusesAnotherPartysDraft() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");

            mvc.perform(as(Submissions.bank(), post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("draft_not_found"));
        }

        @Test
        void refusesARejectedSignatureWithItsReasonAndKeepsTheDraftUsable() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");
            willThrow(new SignatureRejectedException("signer_mismatch", Kind.UNPROCESSABLE))
                    .given(signatures).verify(any(), any(), eq(bank), any());
            long requests = count("certificate_requests");

            mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("signer_mismatch"));

            assertThat(count("certificate_requests")).isEqualTo(requests);
            assertThat(audit.about(subject.value(), 0, 1)).extracting(AuditRecord::outcome)
                    .containsExactly("signer_mismatch");
            reset(signatures);
            mvc.perform(as(bank, post("/api/v1/requests")).content(submitBody(draft)))
                    .andExpect(status().isCreated());
        }

        @Test
        void refusesABodyWithoutASignature() throws Exception {
            JsonNode draft = draft(bank, subject.value(), "ADDRESS");

            mvc.perform(as(bank, post("/api/v1/requests"))
                            .content("{\"draftId\": \"" + draft.get("draftId").asString() + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("malformed_request"));
        }
    }

    @Nested
    class StatusAndHistory {

        @Test
        void showTheRequestToTheRequesterOnly() throws Exception {
            var request = submissions.pending(bank, subject);

            mvc.perform(as(bank, get("/api/v1/requests/" + request.id())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(request.id().toString()))
                    .andExpect(jsonPath("$.status").value("AWAITING_CONSENT"))
                    .andExpect(jsonPath("$.createdAt").value(clock.instant().toString()))
                    .andExpect(jsonPath("$.decidedAt").isEmpty())
                    .andExpect(jsonPath("$.documentNumber").isEmpty());
            mvc.perform(as(Submissions.bank(), get("/api/v1/requests/" + request.id())))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("request_not_found"));
        }

        @Test
        void listsTheRequestersRequestsNewestFirstInPagesAndByStatus() throws Exception {
            var first = submissions.pending(bank, subject);
            clock.advance(Duration.ofSeconds(1));
            var second = submissions.pending(bank, TestIins.random());
            clock.advance(Duration.ofSeconds(1));
            submissions.pending(bank, TestIins.random());
            clock.advance(Duration.ofSeconds(1));
            var fourth = submissions.pending(bank, TestIins.random());
            submissions.pending(Submissions.bank(), subject);
            mvc.perform(as(bank, post("/api/v1/requests/" + second.id() + "/withdraw"))).andExpect(status().isOk());

            mvc.perform(as(bank, get("/api/v1/requests")))
                    .andExpect(jsonPath("$.total").value(4))
                    .andExpect(jsonPath("$.page").value(0))
                    .andExpect(jsonPath("$.items.length()").value(3))
                    .andExpect(jsonPath("$.items[0].id").value(fourth.id().toString()))
                    .andExpect(jsonPath("$.items[2].id").value(second.id().toString()));
            mvc.perform(as(bank, get("/api/v1/requests?status=&page=1")))
                    .andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(first.id().toString()));
            mvc.perform(as(bank, get("/api/v1/requests?status=WITHDRAWN")))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(second.id().toString()));
        }

        @Test
        void answersAPagePastTheLastWithNoItems() throws Exception {
            submissions.pending(bank, subject);

            mvc.perform(as(bank, get("/api/v1/requests?page=" + Integer.MAX_VALUE)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items").isEmpty());
        }

        @Test
        void refusesAnUnknownStatusFilter() throws Exception {
            mvc.perform(as(bank, get("/api/v1/requests?status=LOST")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("malformed_request"));
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void withdrawsARequestAwaitingConsent() throws Exception {
            var request = submissions.pending(bank, subject);

            mvc.perform(as(bank, post("/api/v1/requests/" + request.id() + "/withdraw")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("WITHDRAWN"));

            assertThat(events.statusChangesOf(request.id())).extracting(RequestStatusChanged::status)
                    .containsExactly(RequestStatus.AWAITING_CONSENT, RequestStatus.WITHDRAWN);
            assertThat(audit.ofRequest(request.id())).extracting(AuditRecord::action, AuditRecord::outcome)
                    .containsExactly(tuple("request.created", "ok"),
                            tuple("request.withdrawn", "ok"));
        }

        @Test
        void refusesToWithdrawADecidedRequest() throws Exception {
            var request = submissions.pending(bank, subject);
            mvc.perform(as(bank, post("/api/v1/requests/" + request.id() + "/withdraw"))).andExpect(status().isOk());

            mvc.perform(as(bank, post("/api/v1/requests/" + request.id() + "/withdraw")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("already_decided"));
        }

        @Test
        void expiresAnOverdueRequestInsteadOfWithdrawingIt() throws Exception {
            var request = submissions.pending(bank, subject);
            clock.advance(Duration.ofHours(2));

            mvc.perform(as(bank, post("/api/v1/requests/" + request.id() + "/withdraw")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("already_decided"));

            mvc.perform(as(bank, get("/api/v1/requests/" + request.id())))
                    .andExpect(jsonPath("$.status").value("EXPIRED"));
        }

        @Test
        void refusesToWithdrawAnotherPartysRequest() throws Exception {
            var request = submissions.pending(bank, subject);

            mvc.perform(as(Submissions.bank(), post("/api/v1/requests/" + request.id() + "/withdraw")))
                    .andExpect(status().isNotFound());

            mvc.perform(as(bank, get("/api/v1/requests/" + request.id())))
                    .andExpect(jsonPath("$.status").value("AWAITING_CONSENT"));
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/registration/{iin}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/drafts'].post.responses['422']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/withdraw'].post.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/requests'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/requests/{id}/decision'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/access-log'].get").exists());
    }
}
