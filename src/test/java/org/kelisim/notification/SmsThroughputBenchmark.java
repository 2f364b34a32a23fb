package org.kelisim.notification;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS per second from the client through SMPP into the embedded SMS centre (which stores each in PostgreSQL and
 * sends a delivery receipt per part), with a request SMS of the real length (Russian text, several UCS-2 parts).
 * {@code sendRate} is submit_sm per second: the configured default, and unthrottled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SmsThroughputBenchmark {

    /** The length of a request SMS in Russian with a long requester name: 4 parts. */
    static final String REQUEST_SMS = "eGov: ТОО «Береке Банк» (БИН 990340000123) запрашивает о вас «Адресная "
            + "справка с места жительства». Код запроса 4821. Ответьте до 15:30 03.12.2026: 1 4821 — разрешить, "
            + "0 4821 — отказать. Никому не сообщайте и не диктуйте коды из SMS, даже сотрудникам банков.";

    @Param({"10", "1000000"})
    public double sendRate;

    private EmbeddedPostgres postgres;
    private EmbeddedSmsCentre centre;
    private SmppClient client;
    private final AtomicLong sequence = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        var properties = new NotificationProperties(new NotificationProperties.Smpp("localhost", 2775, "kelisim",
                "kelisim", "1414", sendRate, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofSeconds(1), 0), null, null);
        centre = new EmbeddedSmsCentre(properties, jdbc, Clock.systemUTC());
        centre.start();
        var centres = new StaticListableBeanFactory(Map.of("centre", centre)).getBeanProvider(EmbeddedSmsCentre.class);
        var inbound = new SmsInbound(jdbc, Clock.systemUTC(), null, null, null, null,
                new NotificationProperties(properties.smpp(), new NotificationProperties.Delivery(
                        Duration.ofSeconds(1), 20, Duration.ofMinutes(2), Duration.ofSeconds(2),
                        Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(10), 1),
                        null));
        client = new SmppClient(properties, centres, inbound);
        client.start();
        while (!client.isBound()) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.stop();
        centre.stop();
        postgres.close();
    }

    @Benchmark
    public Object submitOneRequestSms() {
        long n = sequence.incrementAndGet();
        return client.submit("+7701" + (1000000 + n % 9000000), REQUEST_SMS, "bench:" + n);
    }
}
