package org.kelisim.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kelisim.request.MovableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port in embedded mode, with a clock the tests move; the first head of the first
 * demo bank is an operator. Classes with this annotation share one context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kelisim.web.operators=" + WebIntegrationTest.OPERATOR)
@ActiveProfiles("test")
@Import(MovableClock.Configuration.class)
@interface WebIntegrationTest {

    /** The demo first head's IIN. */
    String OPERATOR = "700101300015";
}
