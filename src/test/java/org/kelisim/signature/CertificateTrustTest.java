package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.shared.DomainException.Kind;

class CertificateTrustTest {

    private static final Instant SEPTEMBER_2022 = Instant.parse("2022-09-01T00:00:00Z");
    private static final Instant JUNE_2021 = Instant.parse("2021-06-01T00:00:00Z");

    private final Clock clock = Clock.fixed(SEPTEMBER_2022, ZoneOffset.UTC);
    private final TrustProfile ncaTest = TrustProfiles.ncaTest(clock);
    private final CertificateTrust trust = new CertificateTrust(ncaTest);

    private static X509Certificate rsaSigner() {
        return key("individual_valid_sign_2004_rsa.p12");
    }

    private static X509Certificate key(String file) {
        return FixtureKeys.load(file).certificate();
    }

    @Nested
    class ValidKeys {

        @Test
        void rsaKeyChainsToTheTestCaAndTheRecordedOcspAnswerSaysGood() {
            var verdict = trust.check(rsaSigner(), List.of(), JUNE_2021, Kind.UNPROCESSABLE);

            assertThat(verdict.chain()).hasSize(2);
            assertThat(verdict.revocation().revoked()).isFalse();
            assertThat(verdict.revocation().source()).isEqualTo(RevocationAnswer.Source.OCSP);
        }

        @Test
        void gost2015SignerOfTheKalkanCmsChainsToTheGost2022TestCa() {
            var cms = new CmsVerifier().verify(Fixtures.bytes("cms/two_signers_gost2015_rsa_attached.p7s"), null);
            var gost = cms.signers().stream().filter(s -> s.signer().serialNumber().startsWith("FF06211")).findFirst()
                    .orElseThrow();

            // The recorded OCSP answer for this key says "revoked at 1970" (unknown), so the CRL decides.
            var verdict = trust.check(gost.signer().certificate(), gost.carriedCertificates(), SEPTEMBER_2022,
                    Kind.UNPROCESSABLE);

            assertThat(verdict.revocation().source()).isEqualTo(RevocationAnswer.Source.CRL);
            assertThat(verdict.revocation().revoked()).isFalse();
        }

        @Test
        void gost2004CertificateChainsToTheGostTestCa() {
            var certificate = Fixtures.certificate("certs/ceo_valid_sign_2004_gost.cer");
            var moment = certificate.getNotBefore().toInstant().plusSeconds(86_400);

            var verdict = trust.check(certificate, List.of(), moment, Kind.UNPROCESSABLE);

            assertThat(verdict.chain().get(1).getSubjectX500Principal().getName()).contains("GOST TEST");
        }
    }

    @Nested
    class Refusals {

        @Test
        void expiredKeyIsRefusedTodayAndAcceptedAsOfADateInsideItsValidity() {
            assertThatThrownBy(() -> trust.check(rsaSigner(), List.of(), Instant.now(), Kind.UNPROCESSABLE))
                    .hasMessage("certificate_expired");
            assertThat(trust.check(rsaSigner(), List.of(), JUNE_2021, Kind.UNPROCESSABLE).chain()).hasSize(2);
        }

        @Test
        void revokedRsaKeyIsRefusedByTheCrl() {
            assertThatThrownBy(() -> trust.check(key("individual_sign_revoked_2004_rsa.p12"), List.of(),
                    SEPTEMBER_2022, Kind.UNPROCESSABLE))
                    .hasMessage("certificate_revoked");
        }

        @Test
        void revokedRsaKeyIsRefusedByCrlAlone() {
            var crlOnly = new CertificateTrust(new TrustProfile("crl", ncaTest.anchors(), List.of(),
                    List.of(ncaTest.revocation().get(1)), true));

            assertThatThrownBy(() -> crlOnly.check(key("individual_auth_revoked_2004_rsa.p12"), List.of(),
                    SEPTEMBER_2022, Kind.UNPROCESSABLE))
                    .hasMessage("certificate_revoked");
        }

        @Test
        void revokedGostKeysAreRefusedByTheRecordedOcspAnswersAlone() {
            var ocspOnly = new CertificateTrust(new TrustProfile("ocsp", ncaTest.anchors(), List.of(),
                    List.of(ncaTest.revocation().get(0)), true));

            assertThatThrownBy(() -> ocspOnly.check(key("ceo_revoked_2015_gost.p12"), List.of(), SEPTEMBER_2022,
                    Kind.UNPROCESSABLE)).hasMessage("certificate_revoked");
            assertThatThrownBy(() -> ocspOnly.check(key("ceo_sign_revoked_2004_gost.p12"), List.of(),
                    SEPTEMBER_2022, Kind.UNPROCESSABLE)).hasMessage("certificate_revoked");
        }

        @Test
        void revokedGost2015KeyIsRefusedByItsCrl() {
            var crlOnly = new CertificateTrust(new TrustProfile("crl", ncaTest.anchors(), List.of(),
                    List.of(ncaTest.revocation().get(1)), true));

            assertThatThrownBy(() -> crlOnly.check(key("ceo_revoked_2015_gost.p12"), List.of(), SEPTEMBER_2022,
                    Kind.UNPROCESSABLE)).hasMessage("certificate_revoked");
        }

        @Test
        void anIssuerOutsideTheProfileIsUntrusted() {
            var onlyGost = new CertificateTrust(new TrustProfile("gost", () -> List.of(
                    Fixtures.certificate("/nca-test/ca/nca_gost2015_test.cer")), List.of(),
                    ncaTest.revocation(), true));

            assertThatThrownBy(() -> onlyGost.check(rsaSigner(), List.of(), JUNE_2021, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
        }

        @Test
        void whenNoSourceCanTellTheAnswerIsRevocationUnknownNotGood() {
            var silent = new CertificateTrust(new TrustProfile("silent", ncaTest.anchors(), List.of(),
                    List.of((certificate, issuer, moment) -> java.util.Optional.empty()), true));

            assertThatThrownBy(() -> silent.check(rsaSigner(), List.of(), JUNE_2021, Kind.UNPROCESSABLE))
                    .hasMessage("revocation_unknown");
        }

        @Test
        void aStaleCrlNeverSaysNotRevoked() {
            var crlOnly = new CertificateTrust(new TrustProfile("crl", ncaTest.anchors(), List.of(),
                    List.of(ncaTest.revocation().get(1)), true));
            // The RSA test CRL's nextUpdate is 2022-09-25; this key is valid until 2023-01-18 and not listed.
            var valid = Fixtures.certificate("certs/individual_valid_sign_2004_rsa_auth.cer");

            assertThat(crlOnly.check(valid, List.of(), SEPTEMBER_2022, Kind.UNPROCESSABLE).revocation().source())
                    .isEqualTo(RevocationAnswer.Source.CRL);
            assertThatThrownBy(() -> crlOnly.check(valid, List.of(), Instant.parse("2022-12-01T00:00:00Z"),
                    Kind.UNPROCESSABLE)).hasMessage("revocation_unknown");
        }

        @Test
        void productionProfileRefusesTheTestIinsThatFailTheChecksum() {
            var strict = new CertificateTrust(new TrustProfile("strict", ncaTest.anchors(), List.of(),
                    ncaTest.revocation(), false));

            assertThatThrownBy(() -> strict.check(rsaSigner(), List.of(), JUNE_2021, Kind.UNPROCESSABLE))
                    .hasMessage("untrusted_issuer");
        }
    }
}
