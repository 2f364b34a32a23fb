package org.kelisim.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kelisim.registry.Person;
import org.kelisim.registry.RealEstateObject;
import org.kelisim.request.CertificateType;
import org.kelisim.request.Requester;

/**
 * Everything one certificate shows: the registry data as of approval time and who asked with whose consent.
 * {@link #toString()} carries ids only.
 *
 * @param objects the real-estate objects (the two real-estate certificates); empty for ADDRESS
 * @param consentGivenAt when the user allowed the request
 * @param verificationUrl where the QR code points: {@code <public-url>/verify/<documentNumber>}
 */
record CertificateContent(String documentNumber, CertificateType type, Instant issuedAt, Person person,
        List<RealEstateObject> objects, Requester requester, UUID requestId, Instant consentGivenAt,
        String verificationUrl) {

    CertificateContent {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestId, "requestId");
        objects = List.copyOf(objects);
    }

    @Override
    public String toString() {
        return "CertificateContent[" + documentNumber + ", " + type + ", request " + requestId + "]";
    }
}
