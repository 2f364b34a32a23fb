package org.kelisim.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.kelisim.identity.Masks;
import org.kelisim.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SMS centre of the embedded mode and the tests, on the server side of SMPP 3.4 (jsmpp): accepts binds with the
 * configured system id and password, stores each message it receives once per idempotency key (parts joined),
 * answers submit_sm with a message id, sends delivery receipts when asked, and delivers the users' answers to the
 * bound service as deliver_sm. It listens on the loopback interface only.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedSmsCentre implements SmartLifecycle {

    /** Started before the client that binds to it, stopped after it. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmsCentre.class);

    private final NotificationProperties.Smpp properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, PendingReceipt> pendingReceipts = new ConcurrentHashMap<>();
    private final Concatenation concatenation = new Concatenation(Duration.ofMinutes(10));
    private final AtomicInteger references = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "sms-centre");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean running;
    private volatile SMPPServerSessionListener listener;
    private volatile int port;

    EmbeddedSmsCentre(NotificationProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties.smpp();
        this.jdbc = jdbc;
        this.clock = clock;
        this.port = this.properties.centrePort();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            listener = new SMPPServerSessionListener(port, new BoundSocket(socket));
            listener.setMessageReceiverListener(new Receiver());
            listener.setResponseDeliveryListener(new Receipts());
        } catch (IOException e) {
            throw new IllegalStateException("Embedded SMS centre could not listen on port " + port, e);
        }
        running = true;
        workers.execute(this::acceptBinds);
        log.info("Embedded SMS centre listening on {}:{}", host(), port);
    }

    /** Closes the port and drops every session at once, as a crashed centre would. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            log.warn("Embedded SMS centre listener did not close: {}", e.getMessage());
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
        log.info("Embedded SMS centre stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    int port() {
        return port;
    }

    /** What the centre received for the phone, oldest first. */
    List<ReceivedSms> received(String phone) {
        return jdbc.sql("""
                SELECT sender, text, parts, received_at FROM demo_sms_messages WHERE phone = ? ORDER BY id""")
                .param(normalized(phone))
                .query((rs, n) -> new ReceivedSms(rs.getString("sender"), rs.getString("text"), rs.getInt("parts"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** Delivers a mobile-originated message from the phone to the bound service, as deliver_sm (parts if long). */
    void reply(String from, String text) {
        String phone = normalized(from);
        if (text == null || text.isBlank() || text.length() > 640) {
            throw new DomainException("sms_text_invalid", DomainException.Kind.INVALID);
        }
        var session = sessions.stream()
                .filter(candidate -> candidate.getSessionState().isReceivable())
                .findFirst()
                .orElseThrow(() -> new DomainException("sms_centre_not_bound", DomainException.Kind.UNAVAILABLE));

        var parts = ShortMessages.encode(text.strip(), references.incrementAndGet());
        var esmClass = parts.size() > 1
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        try {
            for (byte[] part : parts) {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        phone.substring(1), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        properties.sourceAddress(), esmClass, (byte) 0, (byte) 0, new RegisteredDelivery(0),
                        new RawDataCoding(ShortMessages.UCS2), part);
            }
        } catch (NegativeResponseException e) {
            // The service answered deliver_sm with an error: it did not take the answer (a real centre would retry).
            log.warn("deliver_sm refused by the service with status 0x{}", Integer.toHexString(e.getCommandStatus()));
            throw new DomainException("sms_reply_not_taken", DomainException.Kind.UNAVAILABLE, e);
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
            log.warn("deliver_sm to the service failed: {}", e.getClass().getSimpleName());
            throw new DomainException("sms_centre_not_bound", DomainException.Kind.UNAVAILABLE, e);
        }
        log.info("Embedded SMS centre delivered an answer from {}", Masks.phone(phone));
    }

    static String normalized(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s()+-]", "");
        if (!digits.matches("\\d{10,15}")) {
            throw new DomainException("phone_invalid", DomainException.Kind.INVALID);
        }
        return "+" + digits;
    }

    private void acceptBinds() {
        while (running) {
            try {
                var session = listener.accept();
                workers.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (running) {
                    log.warn("Embedded SMS centre accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            var bind = session.waitForBind(properties.responseTimeout().toMillis());
            if (!properties.systemId().equals(bind.getSystemId())
                    || !properties.password().equals(bind.getPassword())) {
                bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            session.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    sessions.remove(session);
                }
            });
            sessions.add(session);
            bind.accept("kelisim-smsc");
        } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
            log.warn("Embedded SMS centre bind failed: {}", e.getClass().getSimpleName());
            session.close();
        }
    }

    private void store(String key, String phone, String sender, String text, int parts) {
        jdbc.sql("""
                INSERT INTO demo_sms_messages (idempotency_key, phone, sender, text, parts, received_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(key, phone, sender, text, parts, Timestamp.from(clock.instant()))
                .update();
    }

    private void sendReceipt(SMPPServerSession session, String messageId, PendingReceipt pending) {
        var now = new Date(clock.millis());
        var receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    pending.destination(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, pending.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
                 | IOException e) {
            log.warn("Delivery receipt {} not delivered: {}", messageId, e.getClass().getSimpleName());
        }
    }

    /** One message as the centre received it. {@link #toString()} leaves out the text. */
    record ReceivedSms(String sender, String text, int parts, Instant receivedAt) {

        @Override
        public String toString() {
            return "ReceivedSms[" + parts + " parts, " + receivedAt + "]";
        }
    }

    private record PendingReceipt(String source, String destination) {
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
                throws ProcessRequestException {
            String phone;
            try {
                phone = normalized(submit.getDestAddress());
            } catch (DomainException e) {
                throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
            }
            var key = submit.getOptionalParameter(SmppClient.IDEMPOTENCY_KEY_TAG) instanceof OptionalParameter
                    .OctetString octets ? octets.getValueAsString() : null;
            var segment = ShortMessages.segment(submit.getShortMessage(),
                    GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass()), submit.getDataCoding());
            String messageId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

            concatenation.add(phone + "/" + submit.getSourceAddr(), segment, clock.instant())
                    .ifPresent(text -> store(key, phone, submit.getSourceAddr(), text, segment.total()));
            if (!SMSCDeliveryReceipt.DEFAULT.containedIn(submit.getRegisteredDelivery())) {
                pendingReceipts.put(messageId, new PendingReceipt(submit.getSourceAddr(), phone.substring(1)));
            }
            try {
                return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sends the receipt once submit_sm_resp is out, so that the client knows the message id it refers to. */
    private final class Receipts extends ServerResponseDeliveryAdapter {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            var pending = pendingReceipts.remove(result.getMessageId());
            if (pending != null) {
                workers.execute(() -> sendReceipt(source, result.getMessageId(), pending));
            }
        }
    }

    /** Hands jsmpp the socket bound above, so that port 0 yields a free port whose number is known. */
    private record BoundSocket(ServerSocket socket) implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) {
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            return listen(port, timeout);
        }
    }
}
