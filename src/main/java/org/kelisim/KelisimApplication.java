package org.kelisim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kelisim: certificates about a person for a third party, with that person's consent.
 * <p>
 * Nobody signs in with a password: parties sign in with their EDS ({@code signature}), so Spring Boot's fallback of
 * one in-memory user with a generated password is left out rather than created and never used.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class KelisimApplication {

    public static void main(String[] args) {
        SpringApplication.run(KelisimApplication.class, args);
    }
}
