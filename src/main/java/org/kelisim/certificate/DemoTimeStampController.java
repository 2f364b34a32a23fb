package org.kelisim.certificate;

import java.io.IOException;
import java.time.Clock;
import org.bouncycastle.tsp.TimeStampRequest;
import org.kelisim.shared.DomainException;
import org.kelisim.signature.ServiceKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded TSA over HTTP (RFC 3161, 3.4: POST application/timestamp-query, answer application/timestamp-reply),
 * so that other tools, and other Kelisim nodes configured with its URL, can time-stamp in demo mode.
 */
@RestController
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoTimeStampController {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";

    private final EmbeddedTimeStampAuthority authority;

    DemoTimeStampController(ObjectProvider<ServiceKeys> keys, Clock clock) {
        this.authority = CertificateConfiguration.embeddedTimeStampAuthority(keys, clock);
    }

    @PostMapping(path = "/demo/tsa", consumes = QUERY, produces = REPLY)
    byte[] stamp(@RequestBody byte[] query) throws IOException {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(query);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new DomainException("malformed_request", DomainException.Kind.INVALID);
        }

        return authority.respond(request).getEncoded();
    }
}
