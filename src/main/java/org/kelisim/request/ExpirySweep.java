package org.kelisim.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires requests whose deadline passed without an answer. Answers check the deadline themselves; the sweep makes
 * the third party learn of silence too. It also forgets what is kept only for a while: old registration-check counts
 * and drafts nobody signed. One node runs it at a time (ShedLock), and each batch skips rows another
 * transaction holds (an answer being decided), so nothing is expired twice.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final Requests requests;
    private final Transitions transitions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RequestProperties properties;
    private final Clock clock;

    ExpirySweep(Requests requests, Transitions transitions, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, RequestProperties properties, Clock clock) {
        this.requests = requests;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kelisim.request.sweep-interval:PT1M}",
            initialDelayString = "${kelisim.request.sweep-interval:PT1M}")
    @SchedulerLock(name = "request-expiry-sweep", lockAtMostFor = "PT10M")
    public void sweep() {
        int expired = expireOverdue();
        forgetOldCheckCounts();
        forgetUnusedDrafts();
        if (expired > 0) {
            log.info("Expired {} overdue requests", expired);
        }
    }

    /** @return how many requests were expired */
    int expireOverdue() {
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                Instant now = clock.instant();
                var overdue = requests.lockOverdue(now, properties.sweepBatchSize());
                overdue.forEach(request -> transitions.expire(request, now));
                return overdue.size();
            });
            total += batch;
        } while (batch == properties.sweepBatchSize());
        return total;
    }

    /**
     * Drafts never signed hold an IIN for nothing once they expired; an hour's grace keeps the deletion clear of a
     * submission still checking one. Bounded, so that a backlog is worked off over several runs.
     *
     * @return how many were forgotten
     */
    int forgetUnusedDrafts() {
        return jdbc.sql("""
                DELETE FROM request_drafts WHERE id IN (
                    SELECT id FROM request_drafts WHERE used_at IS NULL AND expires_at < ? LIMIT 1000)""")
                .param(Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .update();
    }

    private void forgetOldCheckCounts() {
        jdbc.sql("DELETE FROM registration_check_counts WHERE minute < ?")
                .param(Timestamp.from(clock.instant().minusSeconds(3600)))
                .update();
    }
}
