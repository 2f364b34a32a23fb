package org.kelisim.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.kelisim.signature.AccessTokens;
import org.kelisim.signature.BearerTokenFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: every rule of the application in one place, deny by default.
 * <p>
 * The API ({@code /api/**}) takes a bearer token from the signed-challenge sign-in, or the session of a signed-in
 * page; a call that rides on the session cookie must carry the CSRF token, a call with a bearer token need not (no
 * browser adds it by itself). The pages keep the signed-in party in the session (in PostgreSQL, see
 * {@link PartySessions}), check CSRF on every form, and send a Content-Security-Policy that allows scripts from the
 * application's own files only. The demo endpoints exist only in embedded mode (their controllers are not created
 * otherwise).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PartySessions partySessions() {
        return new PartySessions();
    }

    /** Kept in the session; sign-in replaces it, so a token seen before sign-in is worth nothing after. */
    @Bean
    HttpSessionCsrfTokenRepository csrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens accessTokens, PartySessions sessions,
            HttpSessionCsrfTokenRepository csrfTokens) throws Exception {
        return http
                .securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(accessTokens), AnonymousAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnSessionCookie))
                // No session policy here: setting one makes Spring Security treat every bearer call as a fresh
                // sign-in and store it in a new session (a row in PostgreSQL per call, and a cookie that then
                // demands a CSRF token from the client's next call without a token). The API opens no session; it
                // uses the one a page signed in with, and keeps no request for after a sign-in.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
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

    /** A state-changing call that a browser could send with the session cookie on its own. */
    private static boolean ridesOnSessionCookie(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return !SAFE_METHODS.contains(request.getMethod()) && !bearer && request.getRequestedSessionId() != null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http, PartySessions sessions, HttpSessionCsrfTokenRepository csrfTokens,
            WebProperties properties) throws Exception {
        RequestMatcher pages = request -> !request.getRequestURI().startsWith("/swagger-ui");
        return http
                .securityContext(context -> context.securityContextRepository(sessions))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**").permitAll()
                        .requestMatchers("/signin", "/verify", "/verify/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/demo", "/demo/**").permitAll()
                        .requestMatchers("/cabinet", "/cabinet/**").hasRole("INDIVIDUAL")
                        .requestMatchers("/operator", "/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/requests", "/requests/**", "/history", "/inbox", "/signout")
                        .authenticated()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/demo/**"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/"))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy(properties)))))
                .build();
    }

    /** No inline script or style anywhere: a injected tag runs nothing. NCALayer is reached over its WebSocket. */
    static String contentSecurityPolicy(WebProperties properties) {
        String ncalayer = properties.ncalayerUrl() == null ? "" : " " + properties.ncalayerUrl();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + WebProperties.NCALAYER + ncalayer + "; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }
}
