package org.kelisim.signature;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address the service is reached at ({@code kelisim.public-url}), which the demo CA writes into the AIA and CRL
 * distribution points of its certificates. When it names port 0 (a server on a random port), the port the server
 * really got is filled in once it is known.
 */
@Component
class PublicUrl {

    private volatile URI base;

    PublicUrl(@Value("${kelisim.public-url:http://localhost:8080}") String configured) {
        this.base = URI.create(configured.endsWith("/") ? configured.substring(0, configured.length() - 1)
                : configured);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (base.getPort() == 0) {
            base = URI.create(base.getScheme() + "://" + base.getHost() + ":" + event.getWebServer().getPort()
                    + (base.getRawPath() == null ? "" : base.getRawPath()));
        }
    }

    String resolve(String path) {
        return base + path;
    }
}
