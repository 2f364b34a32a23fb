package org.kelisim.certificate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.kelisim.request.CertificateType;

/**
 * CPU time per document on the calling thread (ThreadMXBean), for each type: render, render + seal, render + seal
 * with the embedded TSA's time-stamp, verify. A companion of {@link CertificateBenchmark} that stays meaningful on a
 * machine shared with other work, where wall-clock throughput is not. Run:
 * {@code ./mvnw -o test-compile exec:java -Dexec.mainClass=org.kelisim.certificate.CertificateCpuTimes
 * -Dexec.classpathScope=test}.
 */
public final class CertificateCpuTimes {

    private CertificateCpuTimes() {
    }

    public static void main(String[] args) {
        var threads = ManagementFactory.getThreadMXBean();
        var renderer = new CertificateRenderer(CertificateFonts.load());
        var signer = new PadesSigner(Optional.empty());
        var stamping = new PadesSigner(Optional.of(new EmbeddedTimeStampAuthority(() -> TestKeys.TSA,
                Clock.fixed(Specimens.ISSUED_AT, ZoneOffset.UTC))));
        var out = new StringBuilder("| type | objects | render ms | render + seal ms | render + seal + TSA ms "
                + "| verify ms |\n|---|---|---|---|---|---|");
        for (String objects : new String[] {"typical", "many"}) {
            for (var type : CertificateType.values()) {
                var full = Specimens.content(type, true);
                var content = "many".equals(objects) ? full : new CertificateContent(full.documentNumber(),
                        full.type(), full.issuedAt(), full.person(),
                        full.objects().subList(0, Math.min(2, full.objects().size())), full.requester(),
                        full.requestId(), full.consentGivenAt(), full.verificationUrl());
                byte[] issued = stamping.sign(renderer.render(content), TestKeys.SEAL, Specimens.ISSUED_AT);
                var verifier = new DocumentVerifier(hash -> Optional.of(new IssuedDocument(null, "n", type, "x",
                        "y", "z", Specimens.ISSUED_AT, hash)), TestKeys.SEAL::certificate);
                double r = cpu(threads, () -> renderer.render(content));
                double rs = cpu(threads, () -> signer.sign(renderer.render(content), TestKeys.SEAL,
                        Specimens.ISSUED_AT));
                double rst = cpu(threads, () -> stamping.sign(renderer.render(content), TestKeys.SEAL,
                        Specimens.ISSUED_AT));
                double v = cpu(threads, () -> verifier.verify(issued));
                out.append(String.format("%n| %s | %s | %.1f | %.1f | %.1f | %.1f |", type, objects, r, rs, rst, v));
            }
        }
        System.out.println(out);
    }

    private static double cpu(java.lang.management.ThreadMXBean threads, Supplier<Object> work) {
        for (int i = 0; i < 150; i++) {
            work.get();
        }
        long start = threads.getCurrentThreadCpuTime();
        int n = 100;
        for (int i = 0; i < n; i++) {
            work.get();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / n;
    }
}
