package org.kelisim.certificate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kelisim.identity.Masks;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.request.Requester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issuance table: every request the module has heard of (so that a download can tell "not issued yet" from
 * "not yours"), and the queue of approved ones that the workers of all nodes share.
 */
@Repository
class IssuanceQueue {

    enum State { WAITING, PENDING, ISSUED, FAILED }

    /**
     * One request as the certificate module knows it.
     *
     * @param approvedAt when the user allowed it; {@code null} while WAITING
     */
    record Issuance(UUID requestId, CertificateType type, String subjectIin, Requester requester, State state,
            Instant approvedAt, int attempts) {

        @Override
        public String toString() {
            return "Issuance[" + requestId + ", " + state + ", subject " + Masks.identifier(subjectIin) + "]";
        }
    }

    private final JdbcClient jdbc;

    IssuanceQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes a request; on approval, queues it. Idempotent: a repeated event changes nothing. */
    void note(RequestStatusChanged event, Instant now) {
        boolean approved = event.status() == org.kelisim.request.RequestStatus.APPROVED;
        jdbc.sql("""
                INSERT INTO certificate_issuance (request_id, certificate_type, subject_iin, requester_id,
                                                  requester_name, requester_legal, state, approved_at,
                                                  next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (request_id) DO NOTHING""")
                .params(event.requestId(), event.certificate().name(), event.subject().value(),
                        event.requester().id(), event.requester().name(), event.requester().legalEntity(),
                        approved ? State.PENDING.name() : State.WAITING.name(),
                        approved ? Timestamp.from(event.at()) : null, approved ? Timestamp.from(now) : null)
                .update();
        if (approved) {
            jdbc.sql("""
                    UPDATE certificate_issuance SET state = 'PENDING', approved_at = ?, next_attempt_at = ?
                    WHERE request_id = ? AND state = 'WAITING'""")
                    .params(Timestamp.from(event.at()), Timestamp.from(now), event.requestId())
                    .update();
        }
    }

    /**
     * Takes the next due issuance and locks it until the caller's transaction ends; other nodes skip it
     * ({@code FOR UPDATE SKIP LOCKED}) and take the next one.
     */
    Optional<Issuance> claimNext(Instant now) {
        return jdbc.sql("""
                SELECT * FROM certificate_issuance
                WHERE state = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Issuance(rs.getObject("request_id", UUID.class),
                        CertificateType.valueOf(rs.getString("certificate_type")), rs.getString("subject_iin"),
                        new Requester(rs.getString("requester_id"), rs.getString("requester_name"),
                                rs.getBoolean("requester_legal")),
                        State.valueOf(rs.getString("state")), rs.getTimestamp("approved_at").toInstant(),
                        rs.getInt("attempts")))
                .optional();
    }

    Optional<Issuance> find(UUID requestId) {
        return jdbc.sql("SELECT * FROM certificate_issuance WHERE request_id = ?")
                .param(requestId)
                .query((rs, n) -> new Issuance(requestId, CertificateType.valueOf(rs.getString("certificate_type")),
                        rs.getString("subject_iin"), new Requester(rs.getString("requester_id"),
                                rs.getString("requester_name"), rs.getBoolean("requester_legal")),
                        State.valueOf(rs.getString("state")), null, rs.getInt("attempts")))
                .optional();
    }

    void finish(UUID requestId, State state, Instant now) {
        jdbc.sql("UPDATE certificate_issuance SET state = ?, attempts = attempts + 1, finished_at = ?, "
                + "next_attempt_at = NULL WHERE request_id = ?")
                .params(state.name(), Timestamp.from(now), requestId)
                .update();
    }

    void retryAt(UUID requestId, Instant next) {
        jdbc.sql("UPDATE certificate_issuance SET attempts = attempts + 1, next_attempt_at = ? WHERE request_id = ?")
                .params(Timestamp.from(next), requestId)
                .update();
    }
}
