package org.kelisim.consent;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast reply SMS are read: every answer of a busy SMS centre passes through {@link SmsAnswer#parse(String)}.
 * Run: {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=SmsAnswerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmsAnswerBenchmark {

    @Benchmark
    public Optional<SmsAnswer> digitAndCode() {
        return SmsAnswer.parse("1 4821");
    }

    @Benchmark
    public Optional<SmsAnswer> latinLookAlikeWord() {
        return SmsAnswer.parse("  het  4821 ");
    }

    @Benchmark
    public Optional<SmsAnswer> notAnAnswer() {
        return SmsAnswer.parse("Кто это и зачем вам мой адрес?");
    }
}
