package org.kelisim.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** A time-stamping authority over HTTP (RFC 3161, section 3.4), such as NCA RK's http://tsp.pki.gov.kz/. */
final class HttpTimeStampAuthority implements TimeStamps {

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    HttpTimeStampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public TimeStampToken stamp(byte[] sha256) {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        try {
            var answer = http.send(HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new TimeStampUnavailableException("The TSA answered HTTP " + answer.statusCode(), null);
            }
            var response = new TimeStampResponse(answer.body());
            // Checks the status, the imprint and the nonce against our request (RFC 3161, 2.4.2).
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimeStampUnavailableException("The TSA refused: " + response.getStatusString(), null);
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException e) {
            throw new TimeStampUnavailableException("The TSA at " + url + " gave no time-stamp", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampUnavailableException("Interrupted while waiting for the TSA", e);
        }
    }
}
