package org.kelisim.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.KelisimIntegrationTest;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.registry.PopulationRegister;
import org.kelisim.registry.RealEstateRegister;
import org.kelisim.registry.RegistryUnavailableException;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestIssuance;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.Role;
import org.kelisim.signature.ServiceKeys;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline from approval to a stored, downloadable, verifiable certificate, with the registries, the request
 * module and the service keys faked (other modules implement them).
 */
@KelisimIntegrationTest
@AutoConfigureMockMvc
@Import(RegistryMocks.class)
@TestPropertySource(properties = {"kelisim.certificate.poll-interval=PT0.2S",
    "kelisim.certificate.first-retry=PT0.1S", "kelisim.certificate.longest-retry=PT0.2S",
    "kelisim.certificate.max-attempts=3", "kelisim.certificate.max-upload-size=1MB",
    "kelisim.public-url=https://kelisim.example.kz/"})
class CertificateIssuanceIT {

    static final Party BANK = new Party("870412300011", Specimens.BANK.id(), "Сейтқали Арман",
            Specimens.BANK.name(), Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD));
    static final Party SUBJECT = new Party(Specimens.RICH_IIN, null, "Әбілқасымова Гүлнұр Серікқызы", null,
            Set.of(Role.INDIVIDUAL));
    static final Party STRANGER = new Party(Specimens.POOR_IIN, null, "Иванов Пётр", null, Set.of(Role.INDIVIDUAL));

    @Autowired
    PopulationRegister population;

    @Autowired
    RealEstateRegister realEstate;

    @MockitoBean
    RequestIssuance requests;

    @MockitoBean
    ServiceKeys keys;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void givenTheRegistriesAndKeys() {
        Mockito.reset(population, realEstate);
        when(keys.seal()).thenReturn(TestKeys.SEAL);
        when(keys.timeStamping()).thenReturn(Optional.of(TestKeys.TSA));
        when(population.find(new Iin(Specimens.RICH_IIN))).thenReturn(Optional.of(Specimens.rich()));
        when(realEstate.objectsOf(new Iin(Specimens.RICH_IIN))).thenReturn(Specimens.manyObjects());
    }

    @Nested
    class WhenTheUserAllows {

        @Test
        void issuesASealedCertificateThatBothSidesCanDownload() throws Exception {
            UUID id = approve(CertificateType.REAL_ESTATE_RIGHTS);
            String number = awaitIssued(id);

            assertThat(DocumentNumbers.normalize(number)).isEqualTo(number);
            byte[] pdf = mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(BANK)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn().getResponse().getContentAsByteArray();
            byte[] own = mvc.perform(get("/api/v1/me/requests/{id}/document", id).with(as(SUBJECT)))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(own).isEqualTo(pdf);
            assertThat(PdfA.violationsOf(pdf)).isEmpty();
            assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
            assertThat(actions(id)).contains("certificate.issued", "certificate.downloaded");
        }

        @Test
        void isVerifiedByUploadAndByNumberShowingOnlyAMaskedIin() throws Exception {
            UUID id = approve(CertificateType.ADDRESS);
            String number = awaitIssued(id);
            byte[] pdf = mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(BANK)))
                    .andReturn().getResponse().getContentAsByteArray();

            mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(pdf))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(true))
                    .andExpect(jsonPath("$.reason").value("authentic"))
                    .andExpect(jsonPath("$.documentNumber").value(number))
                    .andExpect(jsonPath("$.certificate").value("ADDRESS"))
                    .andExpect(jsonPath("$.subjectIin").value("850715******"))
                    .andExpect(jsonPath("$.signer").value(org.hamcrest.Matchers.containsString("Kelisim Seal")));
            mvc.perform(get("/api/v1/verification/{number}", number.toLowerCase()).param("iin", Specimens.RICH_IIN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(true));
            mvc.perform(get("/api/v1/verification/{number}", number).param("iin", Specimens.BANK.id()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(true));
            mvc.perform(post("/api/v1/verification/{number}", number).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"iin\": \"" + Specimens.RICH_IIN + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(true))
                    .andExpect(jsonPath("$.subjectIin").value("850715******"));
            assertThat(actions(id)).filteredOn("certificate.verified"::equals).hasSize(4);
        }

        @Test
        void refusesATamperedUploadWithItsReason() throws Exception {
            UUID id = approve(CertificateType.ADDRESS);
            awaitIssued(id);
            byte[] pdf = mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(BANK)))
                    .andReturn().getResponse().getContentAsByteArray();
            pdf[pdf.length / 3] ^= 0x01;

            mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(pdf))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(false))
                    .andExpect(jsonPath("$.reason").value("signature_invalid"))
                    .andExpect(jsonPath("$.documentNumber").doesNotExist())
                    .andExpect(jsonPath("$.subjectIin").doesNotExist());
        }
    }

    @Nested
    class RefusesADownload {

        @Test
        void toAnyoneButTheRequesterAndTheSubject() throws Exception {
            UUID id = approve(CertificateType.ADDRESS);
            awaitIssued(id);

            mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(STRANGER)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("request_not_found"));
            mvc.perform(get("/api/v1/me/requests/{id}/document", id).with(as(STRANGER)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/requests/{id}/document", id))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void beforeTheCertificateIsIssued() throws Exception {
            UUID id = UUID.randomUUID();
            publish(id, CertificateType.ADDRESS, RequestStatus.AWAITING_CONSENT);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(BANK)))
                            .andExpect(status().isConflict())
                            .andExpect(jsonPath("$.code").value("not_issued")));
            mvc.perform(get("/api/v1/requests/{id}/document", id).with(as(BANK)).header("Accept-Language", "kk"))
                    .andExpect(jsonPath("$.detail").value("Бұл сауал бойынша анықтама әлі берілген жоқ."));
        }
    }

    @Nested
    class RefusesAVerification {

        @Test
        void ofANumberWithTheWrongIin() throws Exception {
            UUID id = approve(CertificateType.ADDRESS);
            String number = awaitIssued(id);

            mvc.perform(get("/api/v1/verification/{number}", number).param("iin", Specimens.POOR_IIN))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("document_not_found"));
            mvc.perform(get("/api/v1/verification/{number}", "KS-0000-0000-0000").param("iin", Specimens.RICH_IIN))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/verification/{number}", number).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"iin\": \"" + Specimens.POOR_IIN + "\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("document_not_found"));
            mvc.perform(post("/api/v1/verification/{number}", number).contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("document_not_found"));
        }

        @Test
        void ofAFileThatIsNoPdf() throws Exception {
            mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF)
                            .content("just some text".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.authentic").value(false))
                    .andExpect(jsonPath("$.reason").value("not_pdf"));
        }

        @Test
        void ofAFileLargerThanTheLimit() throws Exception {
            mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF)
                            .content(new byte[1024 * 1024 + 1]))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(jsonPath("$.code").value("too_large"));
        }
    }

    @Nested
    class WhenTheRegistryDoesNotAnswer {

        @Test
        void retriesWithBackoffAndThenFails() {
            when(population.find(new Iin(Specimens.POOR_IIN)))
                    .thenThrow(new RegistryUnavailableException("population", null));
            UUID id = UUID.randomUUID();
            publish(id, CertificateType.ADDRESS, RequestStatus.APPROVED, Specimens.POOR_IIN);

            verify(requests, timeout(15_000)).failed(id);
            verify(requests, never()).issued(eq(id), anyString());
            verify(population, org.mockito.Mockito.times(3)).find(new Iin(Specimens.POOR_IIN));
            assertThat(actions(id)).contains("certificate.issue_failed");
        }

        @Test
        void issuesOnceItAnswersAgain() {
            when(population.find(new Iin(Specimens.POOR_IIN)))
                    .thenThrow(new RegistryUnavailableException("population", null))
                    .thenReturn(Optional.of(Specimens.poor()));
            UUID id = UUID.randomUUID();
            publish(id, CertificateType.ADDRESS, RequestStatus.APPROVED, Specimens.POOR_IIN);

            verify(requests, timeout(15_000)).issued(eq(id), anyString());
            verify(requests, never()).failed(id);
        }
    }

    @Test
    void servesAnRfc3161TimeStampInDemoMode() throws Exception {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, PadesSigner.sha256(new byte[] {1, 2, 3}),
                BigInteger.valueOf(42));

        byte[] reply = mvc.perform(post("/demo/tsa").contentType(DemoTimeStampController.QUERY)
                        .content(request.getEncoded()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(DemoTimeStampController.REPLY))
                .andReturn().getResponse().getContentAsByteArray();

        var response = new TimeStampResponse(reply);
        response.validate(request);
        response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder()
                .build(TestKeys.TSA.certificate()));
    }

    private UUID approve(CertificateType type) {
        UUID id = UUID.randomUUID();
        publish(id, type, RequestStatus.AWAITING_CONSENT);
        publish(id, type, RequestStatus.APPROVED);
        return id;
    }

    private void publish(UUID id, CertificateType type, RequestStatus status) {
        publish(id, type, status, Specimens.RICH_IIN);
    }

    private void publish(UUID id, CertificateType type, RequestStatus status, String subject) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new RequestStatusChanged(id, Specimens.BANK,
                new Iin(subject), type, status, Instant.now())));
    }

    private String awaitIssued(UUID id) {
        var number = ArgumentCaptor.forClass(String.class);
        verify(requests, timeout(20_000)).issued(eq(id), number.capture());
        // The issuer reports inside its transaction; the document is there for others once that commits.
        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> actions(id).contains("certificate.issued"));
        return number.getValue();
    }

    private java.util.List<String> actions(UUID id) {
        return audit.ofRequest(id).stream().map(AuditRecord::action).toList();
    }

    private static RequestPostProcessor as(Party party) {
        return authentication(new PartyAuthentication(party));
    }
}
