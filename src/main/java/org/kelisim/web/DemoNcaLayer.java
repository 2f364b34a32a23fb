package org.kelisim.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.kelisim.signature.CmsSigning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Embedded mode only: an NCALayer-compatible signer at {@code /demo/ncalayer}, so that demos and browser tests run
 * the same page script as people with a real NCALayer. It answers NCALayer's {@code kz.gov.pki.knca.basics} /
 * {@code sign} request in CMS format with the key of the demo person named in the connection address
 * ({@code ?person=<role>}): the AUTH key when the page asks for the client-authentication usage
 * (1.3.6.1.5.5.7.3.2), the SIGN key otherwise. The keys come from the signature module's demo key endpoints, the
 * same ones a person downloads them from.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoNcaLayer implements WebSocketConfigurer {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final Signer signer = new Signer();

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(signer, "/demo/ncalayer");
    }

    @Bean
    Signer demoNcaLayerSigner() {
        return signer;
    }

    static final class Signer extends TextWebSocketHandler {

        private static final Logger log = LoggerFactory.getLogger(Signer.class);

        private final JsonMapper json = JsonMapper.builder().build();
        private volatile int port;
        private volatile String keyPassword;

        @EventListener
        void started(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() == null) {
                port = event.getWebServer().getPort();
            }
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            // NCALayer greets a new connection with its version; page scripts skip this message.
            session.sendMessage(new TextMessage("{\"result\":{\"version\":\"1.4-kelisim-demo\"}}"));
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(new TextMessage(json.writeValueAsString(answer(session, message.getPayload()))));
        }

        private ObjectNode answer(WebSocketSession session, String payload) {
            JsonNode request;
            try {
                request = json.readTree(payload);
            } catch (RuntimeException notJson) {
                return failure("BAD_REQUEST", "not JSON");
            }
            if (!"kz.gov.pki.knca.basics".equals(request.path("module").asString(""))
                    || !"sign".equals(request.path("method").asString(""))) {
                return failure("UNKNOWN_METHOD", "only kz.gov.pki.knca.basics / sign");
            }
            JsonNode args = request.path("args");
            String format = args.path("format").asString("");
            if (!"cms".equals(format) && !"xml".equals(format)) {
                return failure("UNSUPPORTED_FORMAT", "formats: cms, xml");
            }
            String person = person(session.getUri());
            if (person == null) {
                return failure("NO_KEY", "no demo person chosen");
            }
            boolean auth = false;
            for (JsonNode oid : args.path("signerParams").path("extKeyUsageOids")) {
                auth |= CLIENT_AUTH.equals(oid.asString(""));
            }

            boolean decode = args.path("signingParams").path("decode").asBoolean(false);
            byte[] data = decode ? Base64.getDecoder().decode(args.path("data").asString(""))
                    : args.path("data").asString("").getBytes(StandardCharsets.UTF_8);
            boolean detached = !args.path("signingParams").path("encapsulate").asBoolean(true);
            try {
                CmsSigning.SigningKey key = key(person + (auth ? "-auth" : "-sign"));
                String signed = "xml".equals(format)
                        ? DemoXmlSigning.sign(key, new String(data, StandardCharsets.UTF_8))
                        : Base64.getEncoder().encodeToString(CmsSigning.sign(key, data, detached));
                ObjectNode answer = json.createObjectNode();
                answer.put("status", true);
                answer.putObject("body").putArray("result").add(signed);
                return answer;
            } catch (RestClientException | IllegalArgumentException e) {
                log.warn("Demo signer has no key for {}: {}", person, e.toString());
                return failure("NO_KEY", "no demo key for this person");
            }
        }

        private static String person(URI uri) {
            if (uri == null) {
                return null;
            }
            String person = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("person");
            return person != null && person.matches("[a-z0-9-]{1,40}") ? person : null;
        }

        private CmsSigning.SigningKey key(String alias) {
            RestClient client = RestClient.create("http://127.0.0.1:" + port);
            String password = keyPassword(client);
            byte[] pkcs12 = client.get().uri("/demo/keys/{alias}.p12", alias).retrieve().body(byte[].class);
            if (pkcs12 == null) {
                throw new IllegalArgumentException("no key");
            }
            char[] secret = password.toCharArray();
            try {
                return CmsSigning.readPkcs12(pkcs12, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }

        /** The one password of every demo key, read once: the list it comes with names the whole demo data set. */
        private String keyPassword(RestClient client) {
            if (keyPassword == null) {
                Map<?, ?> persons = client.get().uri("/demo/persons").retrieve().body(Map.class);
                keyPassword = String.valueOf(persons == null ? "" : persons.get("keyPassword"));
            }
            return keyPassword;
        }

        private ObjectNode failure(String code, String text) {
            ObjectNode answer = json.createObjectNode();
            answer.put("status", false);
            answer.put("code", code);
            answer.put("message", text);
            return answer;
        }
    }
}
