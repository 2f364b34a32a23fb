package org.kelisim.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The service's side of SMPP 3.4: one transceiver session to the SMS centre, kept alive with enquire_link and
 * rebound with exponential backoff whenever it drops. Sends UCS-2 SMS (concatenated when long) with a delivery
 * receipt requested, at most {@code send-rate} submit_sm per second; hands receipts and mobile-originated messages
 * (deliver_sm) to {@link SmsInbound}.
 */
@Component
class SmppClient implements SmartLifecycle {

    /** A vendor-specific TLV (SMPP 3.4, 5.3.2: 0x1400-0x3FFF) carrying the outbox key, so a centre can drop repeats. */
    static final short IDEMPOTENCY_KEY_TAG = 0x1401;

    private static final Logger log = LoggerFactory.getLogger(SmppClient.class);

    private final NotificationProperties.Smpp properties;
    private final ObjectProvider<EmbeddedSmsCentre> embeddedCentre;
    private final SmsInbound inbound;
    private final ScheduledExecutorService binder = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "smpp-binder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean bindScheduled = new AtomicBoolean();
    private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final long submitIntervalNanos;

    private volatile boolean running;
    private volatile SMPPSession session;
    private volatile Duration backoff;
    private long nextSubmitNanos;

    SmppClient(NotificationProperties properties, ObjectProvider<EmbeddedSmsCentre> embeddedCentre,
            SmsInbound inbound) {
        this.properties = properties.smpp();
        this.embeddedCentre = embeddedCentre;
        this.inbound = inbound;
        this.submitIntervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / this.properties.sendRate());
        this.backoff = this.properties.reconnectMin();
    }

    @Override
    public void start() {
        running = true;
        scheduleBind(Duration.ZERO);
    }

    @Override
    public void stop() {
        running = false;
        binder.shutdownNow();
        var current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return EmbeddedSmsCentre.PHASE + 1;
    }

    boolean isBound() {
        var current = session;
        return current != null && current.getSessionState().isBound();
    }

    /**
     * Submits the text to the phone, split into parts when long; every part carries the idempotency key.
     *
     * @return the SMS centre's message id of each part
     * @throws SmsNotSent when not bound or the centre did not accept a part; parts sent before stay sent
     */
    List<String> submit(String phone, String text, String idempotencyKey) {
        var current = session;
        if (current == null || !current.getSessionState().isTransmittable()) {
            throw new SmsNotSent("not bound to the SMS centre");
        }

        var parts = ShortMessages.encode(text, references.incrementAndGet());
        var esmClass = parts.size() > 1
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        var ids = new ArrayList<String>(parts.size());
        for (byte[] part : parts) {
            ids.add(submitPart(current, digits(phone), part, esmClass, idempotencyKey));
        }
        return ids;
    }

    private String submitPart(SMPPSession current, String destination, byte[] part, ESMClass esmClass,
            String idempotencyKey) {
        try {
            throttle();
            return current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    properties.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                    esmClass, (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding(ShortMessages.UCS2), (byte) 0, part,
                    new OptionalParameter.OctetString(IDEMPOTENCY_KEY_TAG, idempotencyKey))
                    .getMessageId();
        } catch (NegativeResponseException e) {
            throw new SmsNotSent("submit_sm refused with status 0x" + Integer.toHexString(e.getCommandStatus()));
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
            throw new SmsNotSent("submit_sm failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("interrupted");
        }
    }

    /** Spaces submits {@code 1 / send-rate} apart on this node. */
    private void throttle() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSubmitNanos);
            nextSubmitNanos = slot + submitIntervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    private void scheduleBind(Duration delay) {
        if (running && bindScheduled.compareAndSet(false, true)) {
            binder.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void bind() {
        bindScheduled.set(false);
        if (!running || isBound()) {
            return;
        }
        var centre = embeddedCentre.getIfAvailable();
        String host = centre == null ? properties.host() : centre.host();
        int port = centre == null ? properties.port() : centre.port();
        var candidate = new SMPPSession();
        candidate.setEnquireLinkTimer((int) properties.enquireLinkInterval().toMillis());
        candidate.setTransactionTimer(properties.responseTimeout().toMillis());
        candidate.setMessageReceiverListener(new Receiver());
        try {
            candidate.connectAndBind(host, port, new BindParameter(BindType.BIND_TRX, properties.systemId(),
                    properties.password(), "kelisim", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    properties.responseTimeout().toMillis());
        } catch (IOException e) {
            candidate.close();
            log.warn("SMS centre {}:{} did not bind ({}); next try in {}", host, port, e.getMessage(), backoff);
            scheduleBind(backoff);
            backoff = backoff.multipliedBy(2).compareTo(properties.reconnectMax()) > 0
                    ? properties.reconnectMax() : backoff.multipliedBy(2);
            return;
        }

        session = candidate;
        backoff = properties.reconnectMin();
        candidate.addSessionStateListener(this::onStateChange);
        log.info("Bound to SMS centre {}:{} as transceiver", host, port);
        if (!candidate.getSessionState().isBound()) {
            scheduleBind(backoff);
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source == session) {
            log.warn("SMS centre session closed; rebinding in {}", backoff);
            scheduleBind(backoff);
        }
    }

    /** deliver_sm from the centre: delivery receipts and the users' answers. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            try {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                    var receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                    inbound.receipt(receipt.getId(), String.valueOf(receipt.getFinalStatus()), receipt.getError());
                    return;
                }
                var segment = ShortMessages.segment(deliverSm.getShortMessage(),
                        GSMSpecificFeature.UDHI.containedIn(deliverSm.getEsmClass()), deliverSm.getDataCoding());
                inbound.message("+" + digits(deliverSm.getSourceAddr()), segment);
            } catch (InvalidDeliveryReceiptException e) {
                throw new ProcessRequestException("malformed delivery receipt", SMPPConstant.STAT_ESME_RX_R_APPN, e);
            } catch (RuntimeException e) {
                // Telling the centre that delivery failed makes it deliver again later: nothing is lost.
                log.warn("deliver_sm not processed: {}", e.getClass().getSimpleName());
                throw new ProcessRequestException("not processed", SMPPConstant.STAT_ESME_RX_T_APPN, e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // An alert says a phone became reachable; the outbox retries on its own schedule anyway.
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** The SMS was not accepted by the centre; the outbox tries again later. The message holds no personal data. */
    static final class SmsNotSent extends RuntimeException {

        SmsNotSent(String reason) {
            super(reason);
        }
    }
}
