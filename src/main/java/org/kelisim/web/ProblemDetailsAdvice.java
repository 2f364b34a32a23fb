package org.kelisim.web;

import java.net.URI;
import java.util.Locale;
import org.kelisim.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The one error model of the API (RFC 9457): a stable {@code code} and a {@code detail} in the caller's language.
 * Client mistakes stay 4xx; only what nothing else handles becomes a 500, logged once here.
 */
// Before Spring Boot's ProblemDetailsExceptionHandler (order 0), which would answer malformed requests without a code;
// after the pages' own PageErrors.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, Locale locale) {
        return problem(status(e.kind()), e.code(), locale, e.arguments());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentNotValidException.class,
        MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail malformed(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "malformed_request", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too_large", locale);
    }

    /**
     * Overload, found by the load test: every pooled connection was busy for the pool's whole timeout. Not the
     * client's mistake and no bug: 503 with a time to come back, rather than a 500.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> busy(Exception e, Locale locale) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "service_busy", locale));
    }

    static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... arguments) {
        if (status.is5xxServerError()) {
            log.warn("Answered {} with {}", status.value(), code);
        }
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("error." + code, arguments, code, locale));
        problem.setType(URI.create("https://kelisim.kz/problems/" + code.replace('_', '-')));
        problem.setTitle(messages.getMessage("error." + code + ".title", null, status.getReasonPhrase(), locale));
        problem.setProperty("code", code);
        return problem;
    }
}
