package org.kelisim.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kelisim.KelisimIntegrationTest;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.signature.RequestSignatureVerifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole application with the faces other modules implement (portal accounts, BMG, request signatures) replaced
 * by Mockito mocks, a movable clock and a recorder of the request events. Test classes that carry only this share
 * one application context and one database.
 * <p>
 * The background sweep is slowed down so that it never runs during a test; tests call it directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KelisimIntegrationTest
@AutoConfigureMockMvc
@MockitoBean(types = {PortalAccounts.class, MobileCitizens.class, RequestSignatureVerifier.class})
@Import({MovableClock.Configuration.class, PublishedEvents.class, Submissions.class})
@TestPropertySource(properties = {"kelisim.request.sweep-interval=PT12H",
    "kelisim.request.registration-checks-per-minute=5", "kelisim.request.page-size=3",
    "kelisim.request.sweep-batch-size=2"})
public @interface RequestIntegrationTest {
}
