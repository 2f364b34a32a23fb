package org.kelisim.registry;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long making the demo data set takes in memory, before it is stored (figures in docs/registry.md).
 * {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=DemoDataGeneratorBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DemoDataGeneratorBenchmark {

    /** Returned as {@code Object}: JMH's generated code lives in another package and cannot name the data set. */
    @Benchmark
    public Object generateTheDemoDataSet() {
        return DemoDataGenerator.generate();
    }
}
