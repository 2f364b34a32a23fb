package org.kelisim.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pages' settings ({@code kelisim.web.*}, each overridable by an environment variable such as
 * {@code KELISIM_WEB_NCALAYER_URL}).
 *
 * @param ncalayerUrl where the page finds NCALayer; in embedded mode the application's own compatible signer
 *     ({@code /demo/ncalayer}) is used instead unless this is set
 * @param ncalayerInstallUrl where a user without NCALayer gets it
 * @param timeZone the zone dates and times are shown in
 * @param operators the IINs that may open the operator page
 */
@ConfigurationProperties("kelisim.web")
record WebProperties(URI ncalayerUrl, URI ncalayerInstallUrl, ZoneId timeZone, List<String> operators) {

    static final URI NCALAYER = URI.create("wss://127.0.0.1:13579");

    WebProperties {
        ncalayerInstallUrl = ncalayerInstallUrl == null ? URI.create("https://ncl.pki.gov.kz/") : ncalayerInstallUrl;
        timeZone = timeZone == null ? ZoneId.of("Asia/Almaty") : timeZone;
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    boolean isOperator(String iin) {
        return iin != null && operators.contains(iin);
    }
}
