package org.kelisim.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kelisim.identity.Iin;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts in PostgreSQL; a used draft stays as the evidence of what was signed. */
@Repository
class Drafts {

    private final JdbcClient jdbc;

    Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Draft draft) {
        jdbc.sql("""
                INSERT INTO request_drafts (id, requester_id, requester_name, legal_entity, subject_iin, certificate,
                                            data_to_sign, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.id(), draft.requester().id(), draft.requester().name(), draft.requester().legalEntity(),
                        draft.subject().value(), draft.certificate().name(), draft.dataToSign(),
                        Timestamp.from(draft.createdAt()), Timestamp.from(draft.expiresAt()))
                .update();
    }

    Optional<Draft> find(UUID id) {
        return jdbc.sql("SELECT * FROM request_drafts WHERE id = ?").param(id).query(DRAFT).optional();
    }

    /** The draft, locked until the transaction ends: two submissions of one draft make one request. */
    Optional<Draft> lock(UUID id) {
        return jdbc.sql("SELECT * FROM request_drafts WHERE id = ? FOR UPDATE").param(id).query(DRAFT).optional();
    }

    void markUsed(UUID id, Instant at) {
        jdbc.sql("UPDATE request_drafts SET used_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    private static final RowMapper<Draft> DRAFT = (rs, n) -> {
        Timestamp used = rs.getTimestamp("used_at");
        return new Draft(rs.getObject("id", UUID.class),
                new Requester(rs.getString("requester_id"), rs.getString("requester_name"),
                        rs.getBoolean("legal_entity")),
                new Iin(rs.getString("subject_iin")), CertificateType.valueOf(rs.getString("certificate")),
                rs.getBytes("data_to_sign"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), used == null ? null : used.toInstant());
    };
}
