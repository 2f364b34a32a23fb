package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SigningCertificateTest {

    @Nested
    class Individuals {

        @Test
        void rsaSigningKeyReadsIinNamesAndIndividualRole() {
            var profile = SigningCertificate.of(Fixtures.certificate("certs/individual_valid_sign_2004_rsa.cer"));

            assertThat(profile.iin()).isEqualTo("123456789011");
            assertThat(profile.bin()).isNull();
            assertThat(profile.surname()).isEqualTo("ТЕСТОВ");
            assertThat(profile.givenName()).isEqualTo("ТЕСТ");
            assertThat(profile.patronymic()).isEqualTo("ТЕСТОВИЧ");
            assertThat(profile.fullName()).isEqualTo("ТЕСТОВ ТЕСТ ТЕСТОВИЧ");
            assertThat(profile.purposes()).containsExactly(KeyPurpose.SIGN);
            assertThat(profile.roles()).containsExactly(Role.INDIVIDUAL);
            assertThat(profile.party().isLegalEntity()).isFalse();
        }

        @Test
        void rsaAuthenticationKeyIsForSigningInOnly() {
            var profile = SigningCertificate.of(
                    Fixtures.certificate("certs/individual_valid_sign_2004_rsa_auth.cer"));

            assertThat(profile.purposes()).containsExactly(KeyPurpose.AUTH);
            assertThat(profile.canSign()).isFalse();
        }

        @Test
        void gost2015KeyWithAllUsagesServesBothPurposes() {
            var profile = SigningCertificate.of(FixtureKeys.load("individual_valid_2015_gost.p12").certificate());

            assertThat(profile.iin()).isEqualTo("123456789012");
            assertThat(profile.surname()).isEqualTo("ТЕСТТОВ");
            assertThat(profile.purposes()).containsExactlyInAnyOrder(KeyPurpose.AUTH, KeyPurpose.SIGN);
        }

        @Test
        void toStringShowsNoIinInFull() {
            var profile = SigningCertificate.of(Fixtures.certificate("certs/individual_valid_sign_2004_rsa.cer"));

            assertThat(profile.toString()).doesNotContain("123456789011").doesNotContain("ТЕСТОВ");
            assertThat(profile.party().toString()).doesNotContain("123456789011");
        }
    }

    @Nested
    class LegalEntities {

        @Test
        void gost2004FirstHeadReadsBinOrganisationAndRoles() {
            var profile = SigningCertificate.of(Fixtures.certificate("certs/ceo_valid_sign_2004_gost.cer"));

            assertThat(profile.iin()).isEqualTo("123456789011");
            assertThat(profile.bin()).isEqualTo("123456789021");
            assertThat(profile.organization()).isEqualTo("АО \"ТЕСТ\"");
            assertThat(profile.roles()).containsExactlyInAnyOrder(Role.LEGAL_ENTITY, Role.FIRST_HEAD);
            assertThat(profile.party().actingId()).isEqualTo("123456789021");
        }

        @Test
        void gost2015FirstHeadKeyReadsTheSame() {
            var profile = SigningCertificate.of(FixtureKeys.load("ceo_revoked_2015_gost.p12").certificate());

            assertThat(profile.bin()).isEqualTo("123456789021");
            assertThat(profile.roles()).contains(Role.FIRST_HEAD);
        }
    }

    @Nested
    class CertificationAuthorities {

        @ParameterizedTest
        @ValueSource(strings = {"nca_rsa_test.crt", "nca_gost_test.crt", "nca_gost2015_test.cer"})
        void caCertificatesWithoutEkuOrIinReadWithoutCrashing(String file) {
            var profile = SigningCertificate.of(Fixtures.certificate("/nca-test/ca/" + file));

            assertThat(profile.iin()).isNull();
            assertThat(profile.bin()).isNull();
            assertThat(profile.roles()).isEmpty();
            assertThat(profile.purposes()).isEmpty();
            assertThat(profile.commonName()).contains("TEST");
        }
    }
}
