package org.kelisim.request;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kelisim.KelisimApplication;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.signature.Party;
import org.kelisim.signature.RequestSignatureVerifier;
import org.kelisim.signature.Role;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What one request costs against the embedded PostgreSQL, through the module's faces: the registration check, the
 * draft and the signed submission, and the answer. The registries and the signature check are instant stand-ins
 * here (their own benchmarks measure them), so the figures are the lifecycle's own: SQL, locks, audit trail.
 * Run: {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench=RequestLifecycleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class RequestLifecycleBenchmark {

    private static final byte[] CMS = "a CMS the stand-in accepts".getBytes(StandardCharsets.UTF_8);

    private ConfigurableApplicationContext application;
    private ThirdPartyRequests requests;
    private RequestDecisions decisions;
    private Clock clock;
    private final Party bank = new Party("850715300003", "200340000011", "Әлиев Нұрлан", "АО «Береке Банк»",
            Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD));

    @Setup(Level.Trial)
    public void startTheApplication() {
        application = new SpringApplicationBuilder(KelisimApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "kelisim.db.embedded-directory=", "kelisim.request.sweep-interval=PT12H",
                        "kelisim.request.registration-checks-per-minute=100000000", "logging.level.root=WARN")
                .initializers(context -> standIns((GenericApplicationContext) context))
                .run();
        requests = application.getBean(ThirdPartyRequests.class);
        decisions = application.getBean(RequestDecisions.class);
        clock = application.getBean(Clock.class);
    }

    private static void standIns(GenericApplicationContext context) {
        context.registerBean(PortalAccounts.class, () -> iin -> true, definition -> definition.setPrimary(true));
        context.registerBean(MobileCitizens.class, () -> iin -> Optional.of("+77011234567"),
                definition -> definition.setPrimary(true));
        context.registerBean(RequestSignatureVerifier.class, () -> (cms, content, party, moment) -> { },
                definition -> definition.setPrimary(true));
    }

    @TearDown(Level.Trial)
    public void stopTheApplication() {
        application.close();
    }

    @Benchmark
    public Registration registrationCheck() {
        return requests.checkRegistration(bank, TestIins.random().value());
    }

    @Benchmark
    public RequestView draftAndSubmission() {
        return submit();
    }

    @Benchmark
    public RequestDecisions.Decision answer(Pending pending) {
        var request = pending.request;
        return decisions.decide(request.id(), request.subject(), true, Channel.SMS, clock.instant());
    }

    /** A fresh request awaiting consent for each answer, made outside the measured time. */
    @State(Scope.Thread)
    public static class Pending {

        RequestView request;

        @Setup(Level.Invocation)
        public void submitted(RequestLifecycleBenchmark benchmark) {
            request = benchmark.submit();
        }
    }

    private RequestView submit() {
        var draft = requests.draft(bank, TestIins.random().value(), "ADDRESS");
        return requests.submit(bank, draft.draftId(), CMS);
    }
}
