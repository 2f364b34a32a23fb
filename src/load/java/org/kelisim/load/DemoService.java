package org.kelisim.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a load run takes from the running service's demo endpoints before it starts, as an integrator setting up
 * would: the demo people who can be asked and answer by SMS, and the third party's demo keys.
 */
final class DemoService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoService(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /**
     * The people of the generated data set (the featured ones left out: browser tests and demos use them) who are on
     * the portal and in BMG, as feeder records {@code iin}, {@code phone}, in the listing's order.
     */
    List<Map<String, Object>> subjects() {
        JsonNode listing = JSON.readTree(get("demo/persons").body());
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (JsonNode person : listing.get("persons")) {
            boolean featured = person.hasNonNull("role");
            if (!featured && person.path("portal").asBoolean() && person.path("mobile").asBoolean()
                    && !person.path("phone").isNull()) {
                subjects.add(Map.of("iin", person.get("iin").asString(), "phone", person.get("phone").asString()));
            }
        }
        return subjects;
    }

    /** A demo key, downloaded as PKCS#12 and opened with the demo password. */
    SigningKey key(String alias, char[] password) {
        byte[] pkcs12 = get("demo/keys/" + alias + ".p12").body();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            String entry = store.aliases().nextElement();
            return new SigningKey((PrivateKey) store.getKey(entry, password),
                    (X509Certificate) store.getCertificate(entry));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the demo key " + alias, e);
        }
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /" + path + " answered " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("GET /" + path + " failed; is the service running at " + base + "?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A private key with its certificate; signs CMS with the content attached, as NCALayer's cms format does. */
    record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

        String sign(byte[] content) {
            try {
                var generator = new CMSSignedDataGenerator();
                String algorithm = privateKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
                generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                        .build(algorithm, privateKey, certificate));
                generator.addCertificates(new JcaCertStore(List.of(certificate)));
                return Base64.getEncoder().encodeToString(
                        generator.generate(new CMSProcessableByteArray(content), true).getEncoded());
            } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Cannot sign", e);
            }
        }

        String signBase64(String base64Content) {
            return sign(Base64.getDecoder().decode(base64Content));
        }

        @Override
        public String toString() {
            return "SigningKey[" + certificate.getSerialNumber() + "]";
        }
    }
}
