package org.kelisim.web;

import org.kelisim.signature.AccessTokens;
import org.kelisim.signature.BearerTokenFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may call what: every rule of the application in one place, deny by default.
 * <p>
 * The API ({@code /api/**}) is stateless: a bearer token from the signed-challenge sign-in. The demo endpoints exist
 * only in embedded mode (their controllers are not created otherwise).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens accessTokens) throws Exception {
        return http
                .securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(accessTokens), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/challenge", "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/verification", "/api/v1/verification/**").permitAll()
                        .requestMatchers("/api/v1/me/**").hasRole("INDIVIDUAL")
                        .requestMatchers("/api/v1/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/demo/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/demo/**"))
                .build();
    }
}
