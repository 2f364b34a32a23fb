package org.kelisim.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading a delta CRL costs per revocation check: {@link CrlSource#check} on a verified base CRL of 10 000
 * entries alone, next to the same base combined with a delta of 100 entries (both held in memory, as the cache holds
 * fetched ones; the certificate is in neither, so both answer "good" after a full lookup).
 * <p>
 * {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=DeltaCrlBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class DeltaCrlBenchmark {

    private static final String CA_NAME = "CN=BENCH DELTA CA";

    private X509Certificate ca;
    private X509Certificate signer;
    private Instant now;
    private CrlSource baseOnly;
    private CrlSource baseAndDelta;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        now = Instant.now();
        KeyPair keys = DemoCertificationAuthority.rsa();
        ca = certificate(CA_NAME, keys, BigInteger.ONE, true);
        signer = certificate("CN=BENCH SIGNER", keys, BigInteger.TWO, false);
        baseOnly = CrlSource.preloaded(List.of(crl(keys, 10_000, null, false)), Clock.systemUTC());
        baseAndDelta = CrlSource.preloaded(List.of(crl(keys, 10_000, null, true), crl(keys, 100, 100, false)),
                Clock.systemUTC());
        if (baseAndDelta.check(signer, ca, now).map(answer -> answer.origin().contains("+")).orElse(false)
                .equals(Boolean.FALSE)) {
            throw new IllegalStateException("The delta was not combined");
        }
    }

    @Benchmark
    public Optional<RevocationAnswer> baseOnly() {
        return baseOnly.check(signer, ca, now);
    }

    @Benchmark
    public Optional<RevocationAnswer> baseAndDelta() {
        return baseAndDelta.check(signer, ca, now);
    }

    private byte[] crl(KeyPair keys, int entries, Integer baseNumber, boolean namingDelta) throws Exception {
        var builder = new X509v2CRLBuilder(new X500Name(CA_NAME), Date.from(now.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (int i = 0; i < entries; i++) {
            builder.addCRLEntry(BigInteger.valueOf(1_000_000L * (baseNumber == null ? 1 : 2) + i),
                    Date.from(now.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.cRLNumber, false,
                new CRLNumber(BigInteger.valueOf(baseNumber == null ? 100 : 101)));
        if (baseNumber != null) {
            builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(baseNumber)));
        }
        if (namingDelta) {
            builder.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                        GeneralName.uniformResourceIdentifier, "http://127.0.0.1:9/delta.crl"))), null, null)}));
        }
        return builder.build(DemoCertificationAuthority.signer(keys.getPrivate())).getEncoded();
    }

    private X509Certificate certificate(String subject, KeyPair keys, BigInteger serial, boolean authority)
            throws Exception {
        var builder = new JcaX509v3CertificateBuilder(new X500Name(CA_NAME), serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return DemoCertificationAuthority.x509(builder.build(DemoCertificationAuthority.signer(keys.getPrivate())));
    }
}
