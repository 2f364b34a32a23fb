package org.kelisim.signature;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The methods of {@link SignatureVerificationBenchmark}, run in alternating batches of 100 ms (full, bare, full,
 * bare…) so that both see the same load: on the shared build machine the load changes from second to second, and
 * JMH's separate iterations then measure the neighbours more than the code. Reports operations per second of each
 * and the ratio of their times per operation (the median of the per-pair ratios, and the ratio of the sums).
 * <p>
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * org.kelisim.signature.SignatureVerificationInterleaved [seconds per algorithm, default 20]}
 */
public final class SignatureVerificationInterleaved {

    private static final long BATCH_NANOS = 100_000_000L;

    private SignatureVerificationInterleaved() {
    }

    /** Results go here, so that the JIT cannot drop a check whose result is unused. */
    private static volatile Object sink;

    /** One verification, full or bare. */
    private interface Operation {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        PrintStream out = System.out;
        var benchmark = new SignatureVerificationBenchmark();
        benchmark.setUp();
        run(out, "RSA-2048", () -> {
            benchmark.rsaFull();
            return benchmark;
        }, benchmark::rsaBare, seconds);
        run(out, "ECDSA P-256", () -> {
            benchmark.ecdsaFull();
            return benchmark;
        }, benchmark::ecdsaBare, seconds);
        run(out, "GOST 34.10-2015-512", () -> {
            benchmark.gostFull();
            return benchmark;
        }, benchmark::gostBare, seconds);
    }

    private static void run(PrintStream out, String name, Operation full, Operation bare, int seconds)
            throws Exception {
        int warmUpPairs = Math.max(10, seconds * 2);
        for (int i = 0; i < warmUpPairs; i++) {
            batch(full);
            batch(bare);
        }

        List<Double> ratios = new ArrayList<>();
        long fullOps = 0;
        long fullNanos = 0;
        long bareOps = 0;
        long bareNanos = 0;
        for (int i = 0; i < seconds * 5; i++) {
            long[] f = batch(full);
            long[] b = batch(bare);
            fullOps += f[0];
            fullNanos += f[1];
            bareOps += b[0];
            bareNanos += b[1];
            ratios.add(((double) f[1] / f[0]) / ((double) b[1] / b[0]));
        }
        ratios.sort(Double::compare);
        double fullRate = fullOps * 1e9 / fullNanos;
        double bareRate = bareOps * 1e9 / bareNanos;
        out.printf(Locale.ROOT, "%-20s full %8.0f ops/s  bare %8.0f ops/s  full/bare time: median %.2f, "
                + "overall %.2f  (extra %.0f us per check)%n", name, fullRate, bareRate,
                ratios.get(ratios.size() / 2), bareRate / fullRate, 1e6 / fullRate - 1e6 / bareRate);
    }

    /** @return operations done and nanoseconds taken, over about 100 ms */
    private static long[] batch(Operation operation) throws Exception {
        long start = System.nanoTime();
        long operations = 0;
        long now;
        do {
            sink = operation.run();
            operations++;
            now = System.nanoTime();
        } while (now - start < BATCH_NANOS);
        return new long[] {operations, now - start};
    }
}
