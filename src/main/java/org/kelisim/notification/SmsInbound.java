package org.kelisim.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.kelisim.consent.SmsAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the SMS centre delivers to the service: delivery receipts, recorded per SMSC message id, and users' answers,
 * joined from their parts, handed to {@link SmsAnswers} and answered by SMS in Kazakh and Russian.
 */
@Component
class SmsInbound {

    private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SmsAnswers answers;
    private final NotificationTexts texts;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Duration replyPatience;
    private final Concatenation concatenation = new Concatenation(Duration.ofMinutes(10));

    SmsInbound(JdbcClient jdbc, Clock clock, SmsAnswers answers, NotificationTexts texts, Outbox outbox,
            TransactionTemplate transactions, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.answers = answers;
        this.texts = texts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.replyPatience = properties.delivery().replyPatience();
    }

    void receipt(String smscMessageId, String state, String error) {
        jdbc.sql("""
                INSERT INTO sms_receipts (smsc_message_id, state, error, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (smsc_message_id) DO UPDATE SET state = EXCLUDED.state, error = EXCLUDED.error,
                                                            received_at = EXCLUDED.received_at""")
                .params(smscMessageId, state, error, Timestamp.from(clock.instant()))
                .update();
    }

    /** A part of a mobile-originated message; the answer is processed once all parts are in. */
    void message(String phone, ShortMessages.Segment segment) {
        Instant receivedAt = clock.instant();
        concatenation.add(phone, segment, receivedAt).ifPresent(text -> answer(phone, text, receivedAt));
    }

    /** The decision and the reply to it commit together: an answer is never decided without being answered. */
    private void answer(String phone, String text, Instant receivedAt) {
        var outcome = transactions.execute(status -> {
            var result = answers.answer(phone, text, receivedAt);
            outbox.enqueue("reply:" + UUID.randomUUID(), Outbox.Channel.SMS, phone, texts.reply(result),
                    null, receivedAt.plus(replyPatience));
            return result;
        });
        log.info("SMS answer processed: {}", outcome.result());
    }
}
