package org.kelisim.request;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many requests are in each state, for the operator: numbers only, nothing about anyone. */
@Service
public class RequestCounts {

    private final JdbcClient jdbc;

    RequestCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every status, those without requests at zero. */
    @Transactional(readOnly = true)
    public Map<RequestStatus, Long> byStatus() {
        var counts = new EnumMap<RequestStatus, Long>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) FROM certificate_requests GROUP BY status")
                .query(rs -> {
                    counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
