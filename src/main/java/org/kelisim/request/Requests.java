package org.kelisim.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kelisim.identity.Iin;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificate requests in PostgreSQL. Changes are stored under optimistic locking on {@code version}. */
@Repository
class Requests {

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(CertificateRequest request) {
        jdbc.sql("""
                INSERT INTO certificate_requests (id, draft_id, code, requester_id, requester_name, legal_entity,
                    subject_iin, certificate, status, sms_phone, signature, created_at, deadline, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(request.id(), request.draftId(), request.code(), request.requester().id(),
                        request.requester().name(), request.requester().legalEntity(), request.subject().value(),
                        request.certificate().name(), request.status().name(), request.smsPhone(),
                        request.signature(), timestamp(request.createdAt()), timestamp(request.deadline()))
                .update();
    }

    /** Stores a changed status; throws when someone else changed the request since it was read. */
    void update(CertificateRequest request) {
        int updated = jdbc.sql("""
                UPDATE certificate_requests
                   SET status = ?, decided_at = ?, completed_at = ?, document_number = ?, version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(request.status().name(), timestamp(request.decidedAt()), timestamp(request.completedAt()),
                        request.documentNumber(), request.id(), request.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Request " + request.id() + " changed concurrently");
        }
        request.stored();
    }

    Optional<CertificateRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM certificate_requests WHERE id = ?").param(id).query(REQUEST).optional();
    }

    /** The request, locked until the transaction ends: answers that race wait here and then see the first one. */
    Optional<CertificateRequest> lock(UUID id) {
        return jdbc.sql("SELECT * FROM certificate_requests WHERE id = ? FOR UPDATE").param(id).query(REQUEST)
                .optional();
    }

    List<CertificateRequest> ofRequester(String requesterId, RequestStatus status, long offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM certificate_requests
                 WHERE requester_id = :requester AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                 ORDER BY created_at DESC, id OFFSET :offset LIMIT :limit""")
                .param("requester", requesterId)
                .param("status", status == null ? null : status.name())
                .param("offset", offset)
                .param("limit", limit)
                .query(REQUEST)
                .list();
    }

    long countOfRequester(String requesterId, RequestStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM certificate_requests
                 WHERE requester_id = :requester AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)""")
                .param("requester", requesterId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    List<CertificateRequest> about(Iin subject, long offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM certificate_requests WHERE subject_iin = ?
                 ORDER BY created_at DESC, id OFFSET ? LIMIT ?""")
                .params(subject.value(), offset, limit)
                .query(REQUEST)
                .list();
    }

    long countAbout(Iin subject) {
        return jdbc.sql("SELECT count(*) FROM certificate_requests WHERE subject_iin = ?").param(subject.value())
                .query(Long.class).single();
    }

    /** The newest requests whose SMS went to this phone, newest first. */
    List<CertificateRequest> withSmsPhone(String phone, int limit) {
        return jdbc.sql("SELECT * FROM certificate_requests WHERE sms_phone = ? ORDER BY created_at DESC LIMIT ?")
                .params(phone, limit)
                .query(REQUEST)
                .list();
    }

    /**
     * Codes an SMS answer could still mean for this person: those of pending requests and of requests made since
     * {@code since}. The caller holds {@link #lockCodesOf(Iin)}.
     */
    Set<String> codesInUse(Iin subject, Instant since) {
        return Set.copyOf(jdbc.sql("""
                SELECT code FROM certificate_requests
                 WHERE subject_iin = ? AND (status = 'AWAITING_CONSENT' OR created_at >= ?)""")
                .params(subject.value(), timestamp(since))
                .query(String.class)
                .list());
    }

    /** Serializes code choice for one person until the transaction ends, so two new requests never share a code. */
    void lockCodesOf(Iin subject) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 3))").param("request-code:" + subject.value())
                .query((rs, n) -> 1).single();
    }

    /** Overdue requests that no other node is expiring right now, locked until the transaction ends. */
    List<CertificateRequest> lockOverdue(Instant at, int limit) {
        return jdbc.sql("""
                SELECT * FROM certificate_requests
                 WHERE status = 'AWAITING_CONSENT' AND deadline <= ?
                 ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(timestamp(at), limit)
                .query(REQUEST)
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<CertificateRequest> REQUEST = (rs, n) -> new CertificateRequest(
            rs.getObject("id", UUID.class), rs.getObject("draft_id", UUID.class), rs.getString("code"),
            new Requester(rs.getString("requester_id"), rs.getString("requester_name"),
                    rs.getBoolean("legal_entity")),
            new Iin(rs.getString("subject_iin")), CertificateType.valueOf(rs.getString("certificate")),
            rs.getString("sms_phone"), rs.getBytes("signature"), instant(rs, "created_at"), instant(rs, "deadline"),
            rs.getLong("version"), RequestStatus.valueOf(rs.getString("status")), instant(rs, "decided_at"),
            instant(rs, "completed_at"), rs.getString("document_number"));
}
