package org.kelisim.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.kelisim.signature.ServiceKeys.KeyMaterial;

/**
 * The time-stamping authority of the embedded (demo) mode (RFC 3161), with the key the demo CA issued for it.
 * Issuance asks it in-process; {@code POST /demo/tsa} serves it to anyone over HTTP.
 */
final class EmbeddedTimeStampAuthority implements TimeStamps {

    /** The policy under which the demo TSA issues tokens: an arc of the demo, not an NCA RK policy. */
    static final String POLICY = "1.3.6.1.4.1.99999.5.1";

    private final Supplier<KeyMaterial> key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EmbeddedTimeStampAuthority(Supplier<KeyMaterial> key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    @Override
    public TimeStampToken stamp(byte[] sha256) {
        var request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        try {
            var response = respond(request.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random)));
            if (response.getTimeStampToken() == null) {
                throw new TimeStampUnavailableException("The embedded TSA refused: " + response.getStatusString(),
                        null);
            }
            return response.getTimeStampToken();
        } catch (IOException e) {
            throw new TimeStampUnavailableException("The embedded TSA failed", e);
        }
    }

    /** Answers a time-stamp request: a token for SHA-256 imprints, a rejection for anything else. */
    TimeStampResponse respond(TimeStampRequest request) throws IOException {
        var key = this.key.get();
        try {
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(PadesSigner.signatureAlgorithm(key)).build(key.privateKey()),
                            key.certificate());
            var tokens = new TimeStampTokenGenerator(signerInfo,
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(key.chain()));
            var generator = new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256));
            return generator.generate(request, new BigInteger(64, random), Date.from(clock.instant()));
        } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
            throw new IOException("The time-stamp could not be made", e);
        }
    }
}
