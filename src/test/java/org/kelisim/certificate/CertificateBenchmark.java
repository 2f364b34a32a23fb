package org.kelisim.certificate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.kelisim.request.CertificateType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Documents per second on one thread: render only, render + seal (PAdES-B), render + seal with the embedded TSA's
 * time-stamp (PAdES-T), and verify, for each certificate type; the person has an address and, for the real-estate
 * certificates, 14 objects (3 pages for PRESENCE, 8 for RIGHTS), the "typical" param 2 objects (1 page).
 * Run: {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=CertificateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CertificateBenchmark {

    @Param({"ADDRESS", "REAL_ESTATE_PRESENCE", "REAL_ESTATE_RIGHTS"})
    public String type;

    @Param({"typical", "many"})
    public String objects;

    private CertificateRenderer renderer;
    private PadesSigner signer;
    private PadesSigner stampingSigner;
    private DocumentVerifier verifier;
    private CertificateContent content;
    private byte[] issued;

    @Setup
    public void setUp() {
        renderer = new CertificateRenderer(CertificateFonts.load());
        signer = new PadesSigner(Optional.empty());
        stampingSigner = new PadesSigner(Optional.of(new EmbeddedTimeStampAuthority(() -> TestKeys.TSA,
                Clock.fixed(Specimens.ISSUED_AT, ZoneOffset.UTC))));
        var full = Specimens.content(CertificateType.valueOf(type), true);
        content = "many".equals(objects) ? full : new CertificateContent(full.documentNumber(), full.type(),
                full.issuedAt(), full.person(), full.objects().subList(0, Math.min(2, full.objects().size())),
                full.requester(), full.requestId(), full.consentGivenAt(), full.verificationUrl());
        issued = stampingSigner.sign(renderer.render(content), TestKeys.SEAL, Specimens.ISSUED_AT);
        var stored = new IssuedDocument(full.requestId(), full.documentNumber(), full.type(), full.requester().id(),
                full.requester().name(), full.person().iin().value(), full.issuedAt(), PadesSigner.sha256(issued));
        var store = Map.of(java.util.HexFormat.of().formatHex(stored.sha256()), stored);
        verifier = new DocumentVerifier(hash -> Optional.ofNullable(store.get(java.util.HexFormat.of()
                .formatHex(hash))), TestKeys.SEAL::certificate);
        if (!verifier.verify(issued).authentic()) {
            throw new IllegalStateException("the benchmark's document does not verify");
        }
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(content);
    }

    @Benchmark
    public byte[] renderAndSeal() {
        return signer.sign(renderer.render(content), TestKeys.SEAL, Specimens.ISSUED_AT);
    }

    @Benchmark
    public byte[] renderAndSealWithTimeStamp() {
        return stampingSigner.sign(renderer.render(content), TestKeys.SEAL, Specimens.ISSUED_AT);
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(issued).authentic();
    }
}
