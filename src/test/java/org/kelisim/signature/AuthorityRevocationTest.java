package org.kelisim.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.kelisim.shared.DomainException.Kind;

/** Revocation of the CA certificates between a signer's issuer and the anchor, by the anchor's CRL. */
class AuthorityRevocationTest {

    private static final Instant NOW = Instant.now();

    private final KeyPair rootKeys = DemoCertificationAuthority.rsa();
    private final KeyPair caKeys = DemoCertificationAuthority.rsa();
    private final X509Certificate root = certificate("CN=TEST ROOT", rootKeys, "CN=TEST ROOT", rootKeys, 1, true);
    private final X509Certificate ca = certificate("CN=TEST CA", caKeys, "CN=TEST ROOT", rootKeys, 2, true);
    private final X509Certificate signer = certificate("CN=TEST SIGNER", DemoCertificationAuthority.rsa(),
            "CN=TEST CA", caKeys, 3, false);
    /** The signer itself is cleared by a source that knows nothing else, so only the CA's answer decides. */
    private final RevocationSource signerIsGood = (certificate, issuer, moment) -> certificate.equals(signer)
            ? Optional.of(RevocationAnswer.good(RevocationAnswer.Source.OCSP, "test"))
            : Optional.empty();

    @Test
    void aRevokedIssuingCaRefusesItsSigners() {
        var trust = trust(new TrustProfile.AuthorityRevocation(List.of(rootCrl(ca.getSerialNumber())), false));

        assertThatThrownBy(() -> trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE))
                .hasMessage("issuer_revoked");
    }

    @Test
    void anIssuingCaMissingFromTheRootsCrlIsCleared() {
        var trust = trust(new TrustProfile.AuthorityRevocation(List.of(rootCrl(BigInteger.valueOf(99))), true));

        assertThat(trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE).chain())
                .containsExactly(signer, ca, root);
    }

    @Test
    void aProfileThatDemandsTheCaAnswerSaysRevocationUnknownWithoutOne() {
        var trust = trust(new TrustProfile.AuthorityRevocation(List.of(), true));

        assertThatThrownBy(() -> trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE))
                .hasMessage("revocation_unknown");
    }

    @Test
    void aProfileThatDoesNotDemandItAcceptsACaNoSourceCanTellAbout() {
        var trust = trust(new TrustProfile.AuthorityRevocation(List.of(), false));

        assertThat(trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE).revocation().revoked()).isFalse();
    }

    @Test
    void theSignersOwnIssuersCrlDoesNotSpeakForTheIssuingCa() {
        // A CRL of the issuing CA listing a serial equal to the CA's own must not be read as the CA's revocation.
        var trust = trust(new TrustProfile.AuthorityRevocation(List.of(crl("CN=TEST CA", caKeys,
                ca.getSerialNumber())), true));

        assertThatThrownBy(() -> trust.check(signer, List.of(ca), NOW, Kind.UNPROCESSABLE))
                .hasMessage("revocation_unknown");
    }

    private CertificateTrust trust(TrustProfile.AuthorityRevocation authorities) {
        return new CertificateTrust(new TrustProfile("authorities", () -> List.of(root), () -> List.of(),
                List.of(signerIsGood), true, authorities));
    }

    private CrlSource rootCrl(BigInteger revoked) {
        return crl("CN=TEST ROOT", rootKeys, revoked);
    }

    private static CrlSource crl(String issuer, KeyPair keys, BigInteger revoked) {
        try {
            var builder = new X509v2CRLBuilder(new X500Name(issuer), Date.from(NOW.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(1))));
            builder.addCRLEntry(revoked, Date.from(NOW.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
            byte[] encoded = builder.build(DemoCertificationAuthority.signer(keys.getPrivate())).getEncoded();
            return CrlSource.preloaded(List.of(encoded), Clock.systemUTC());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys,
            long serial, boolean authority) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(2))),
                    new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return DemoCertificationAuthority.x509(builder.build(
                    DemoCertificationAuthority.signer(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
