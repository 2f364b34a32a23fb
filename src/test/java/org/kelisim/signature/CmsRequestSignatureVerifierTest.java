package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CmsRequestSignatureVerifierTest {

    private static final Instant SEPTEMBER_2022 = Instant.parse("2022-09-01T00:00:00Z");
    private static final Instant JUNE_2021 = Instant.parse("2021-06-01T00:00:00Z");
    private static final byte[] DRAFT = "nonce=1;iin=900101300123;certificate=ADDRESS".getBytes(StandardCharsets.UTF_8);

    private final TrustProfile ncaTest = TrustProfiles.ncaTest(Clock.fixed(SEPTEMBER_2022, ZoneOffset.UTC));
    private final CmsRequestSignatureVerifier verifier = new CmsRequestSignatureVerifier(new CmsVerifier(),
            new CertificateTrust(ncaTest));

    private static Party individual(String iin) {
        return new Party(iin, null, "ТЕСТ", null, Set.of(Role.INDIVIDUAL));
    }

    @Nested
    class Accepted {

        @Test
        void gost2015SignatureOverTheDraftByTheSignedInPersonPasses() {
            var key = FixtureKeys.load("individual_valid_2015_gost.p12");

            assertThatCode(() -> verifier.verify(CmsSigning.sign(key, DRAFT, false), DRAFT,
                    individual("123456789012"), SEPTEMBER_2022)).doesNotThrowAnyException();
        }

        @Test
        void detachedRsaSignatureOfAnOldKeyPassesAsOfADateInsideItsValidity() {
            var key = FixtureKeys.load("individual_valid_sign_2004_rsa.p12");

            assertThatCode(() -> verifier.verify(CmsSigning.sign(key, DRAFT, true), DRAFT,
                    individual("123456789011"), JUNE_2021)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Refused {

        private final CmsSigning.SigningKey gost = FixtureKeys.load("individual_valid_2015_gost.p12");

        @Test
        void aChangedPayloadIsSignatureInvalidAttachedAndDetached() {
            byte[] changed = DRAFT.clone();
            changed[5] ^= 1;

            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(gost, DRAFT, false), changed,
                    individual("123456789012"), SEPTEMBER_2022)).hasMessage("signature_invalid");
            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(gost, DRAFT, true), changed,
                    individual("123456789012"), SEPTEMBER_2022)).hasMessage("signature_invalid");
        }

        @Test
        void aTamperedSignatureIsSignatureInvalid() {
            byte[] cms = CmsSigning.sign(gost, DRAFT, false);
            cms[cms.length - 10] ^= 1;

            assertThatThrownBy(() -> verifier.verify(cms, DRAFT, individual("123456789012"), SEPTEMBER_2022))
                    .hasMessage("signature_invalid");
        }

        @Test
        void someoneElseThanTheSignedInPartyIsSignerMismatch() {
            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(gost, DRAFT, false), DRAFT,
                    individual("123456789011"), SEPTEMBER_2022)).hasMessage("signer_mismatch");
        }

        @Test
        void anAuthenticationKeyIsWrongKeyUsage() {
            var auth = FixtureKeys.load("individual_auth_revoked_2004_rsa.p12");

            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(auth, DRAFT, false), DRAFT,
                    individual("123456789011"), SEPTEMBER_2022)).hasMessage("wrong_key_usage");
        }

        @Test
        void aRevokedFirstHeadKeyIsCertificateRevoked() {
            var ceo = FixtureKeys.load("ceo_revoked_2015_gost.p12");
            var company = new Party("123456789011", "123456789021", "ТЕСТОВ ТЕСТ", "АО \"ТЕСТ\"",
                    Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD));

            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(ceo, DRAFT, false), DRAFT, company,
                    SEPTEMBER_2022)).hasMessage("certificate_revoked");
        }

        @Test
        void anExpiredKeyIsCertificateExpiredToday() {
            var key = FixtureKeys.load("individual_valid_sign_2004_rsa.p12");

            assertThatThrownBy(() -> verifier.verify(CmsSigning.sign(key, DRAFT, false), DRAFT,
                    individual("123456789011"), Instant.now())).hasMessage("certificate_expired");
        }

        @Test
        void aKeyOfAnIssuerOutsideTheProfileIsUntrustedIssuer() {
            var gostOnly = new CmsRequestSignatureVerifier(new CmsVerifier(), new CertificateTrust(new TrustProfile(
                    "gost-only", () -> List.of(Fixtures.certificate("/nca-test/ca/nca_gost2015_test.cer")),
                    List.of(), ncaTest.revocation(), true)));
            var key = FixtureKeys.load("individual_valid_sign_2004_rsa.p12");

            assertThatThrownBy(() -> gostOnly.verify(CmsSigning.sign(key, DRAFT, false), DRAFT,
                    individual("123456789011"), JUNE_2021)).hasMessage("untrusted_issuer");
        }
    }
}
