package org.kelisim.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kelisim.identity.Masks;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Webhooks of API clients (API.md): each status change of a party's request is POSTed as {@code {"id","status","at"}}
 * with {@code X-Kelisim-Signature: sha256=<hex HMAC-SHA256 of the body>}, retried with backoff until a 2xx answer or
 * 24 hours; every attempt is logged for the party to see.
 */
@Component
class Webhooks {

    static final String SIGNATURE_HEADER = "X-Kelisim-Signature";

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Outbox outbox;
    private final NotificationProperties.Delivery properties;
    private final RestClient http;

    Webhooks(JdbcClient jdbc, Clock clock, Outbox outbox, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.properties = properties.delivery();
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(this.properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requestFactory.setReadTimeout(this.properties.webhookTimeout());
        this.http = RestClient.builder().requestFactory(requestFactory).build();
    }

    /** Sets (or replaces) the party's webhook. */
    @Transactional
    void register(String partyId, String url, String secret) {
        URI target = validUrl(url);
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            throw new DomainException("webhook_secret_invalid", DomainException.Kind.INVALID);
        }

        jdbc.sql("""
                INSERT INTO webhooks (party_id, url, secret, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (party_id) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret,
                                                     updated_at = EXCLUDED.updated_at""")
                .params(partyId, target.toString(), secret, Timestamp.from(clock.instant()))
                .update();
        log.info("Webhook set for party {}", Masks.identifier(partyId));
    }

    private static URI validUrl(String url) {
        try {
            URI uri = url == null || url.length() > 2048 ? null : new URI(url);
            if (uri == null || uri.getHost() == null || uri.getUserInfo() != null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new DomainException("webhook_url_invalid", DomainException.Kind.INVALID);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DomainException("webhook_url_invalid", DomainException.Kind.INVALID, e);
        }
    }

    /** Queues the call for the party's webhook, in the caller's transaction; nothing when it has none. */
    void enqueue(RequestStatusChanged event) {
        String partyId = event.requester().id();
        boolean registered = jdbc.sql("SELECT count(*) FROM webhooks WHERE party_id = ?").param(partyId)
                .query(Long.class).single() > 0;
        if (!registered) {
            return;
        }
        // The three values need no escaping: a UUID, an enum name and an ISO-8601 instant.
        String body = "{\"id\":\"" + event.requestId() + "\",\"status\":\"" + event.status().name()
                + "\",\"at\":\"" + event.at() + "\"}";
        outbox.enqueue("webhook:" + event.requestId() + ":" + event.status().name(), Outbox.Channel.WEBHOOK, partyId,
                body, event.requestId(), clock.instant().plus(properties.webhookPatience()));
    }

    /** One attempt at a queued call, logged; the outbox retries until a 2xx answer or the patience runs out. */
    void deliver(Outbox.Item item) {
        var webhook = webhookOf(item.recipient());
        if (webhook.isEmpty()) {
            outbox.giveUp(item, "webhook removed");
            return;
        }

        Integer status = null;
        String error = null;
        try {
            status = http.post()
                    .uri(webhook.get().url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(SIGNATURE_HEADER, "sha256=" + hmac(webhook.get().secret(), item.payload()))
                    .body(item.payload().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> response.getStatusCode().value());
        } catch (RestClientException e) {
            error = e.getMostSpecificCause().getClass().getSimpleName();
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        logAttempt(item, status, delivered ? "delivered" : status == null ? "unreachable" : "rejected", error);

        if (delivered) {
            outbox.sent(item, null);
        } else {
            log.warn("Webhook call {} failed (attempt {}): {}", item.id(), item.attempts(),
                    status == null ? error : "HTTP " + status);
            outbox.failed(item, status == null ? error : "HTTP " + status);
        }
    }

    static String hmac(String secret, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    @Transactional(readOnly = true)
    List<Delivery> deliveries(String partyId, int limit) {
        return jdbc.sql("""
                SELECT request_id, attempt, at, http_status, outcome FROM webhook_deliveries
                WHERE party_id = ? ORDER BY at DESC LIMIT ?""")
                .params(partyId, limit)
                .query((rs, n) -> new Delivery(rs.getObject("request_id", UUID.class), rs.getInt("attempt"),
                        rs.getTimestamp("at").toInstant(), (Integer) rs.getObject("http_status"),
                        rs.getString("outcome")))
                .list();
    }

    private Optional<Webhook> webhookOf(String partyId) {
        return jdbc.sql("SELECT url, secret FROM webhooks WHERE party_id = ?").param(partyId)
                .query((rs, n) -> new Webhook(URI.create(rs.getString("url")), rs.getString("secret")))
                .optional();
    }

    private void logAttempt(Outbox.Item item, Integer status, String outcome, String error) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, outbox_id, party_id, request_id, attempt, at, http_status, outcome,
                                                error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), item.id(), item.recipient(), item.requestId(), item.attempts(),
                        Timestamp.from(clock.instant()), status, outcome, error)
                .update();
    }

    /** One attempt as its owner sees it. */
    record Delivery(UUID requestId, int attempt, Instant at, Integer httpStatus, String outcome) {
    }

    private record Webhook(URI url, String secret) {

        @Override
        public String toString() {
            return "Webhook[" + url.getHost() + "]";
        }
    }
}
