package org.kelisim.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a text becomes SMS payloads and back: UCS-2 ({@code data_coding 0x08}, needed for Cyrillic and the Kazakh
 * letters ә ғ қ ң ө ұ ү һ і), and concatenation with a user data header (3GPP TS 23.040, 9.2.3.24.1) when the text
 * does not fit the 140 octets of one SMS.
 */
final class ShortMessages {

    static final byte UCS2 = 0x08;

    /** 140 octets of user data hold 70 UCS-2 characters; a 6-octet header leaves 67 per part. */
    static final int SINGLE_CHARACTERS = 70;
    static final int PART_CHARACTERS = 67;

    private static final int IEI_CONCATENATED_8BIT = 0x00;
    private static final int IEI_CONCATENATED_16BIT = 0x08;

    private ShortMessages() {
    }

    /**
     * The payloads of {@code text}: one without a header when it fits, otherwise parts with a concatenation header
     * (8-bit reference) that must be sent with the UDHI flag of esm_class set.
     */
    static List<byte[]> encode(String text, int reference) {
        Objects.requireNonNull(text, "text");
        if (text.length() <= SINGLE_CHARACTERS) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }

        var chunks = new ArrayList<String>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PART_CHARACTERS, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never cut a surrogate pair in two
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("Text too long for one concatenated SMS: " + text.length());
        }
        var parts = new ArrayList<byte[]>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            var part = new ByteArrayOutputStream();
            part.write(5);
            part.write(IEI_CONCATENATED_8BIT);
            part.write(3);
            part.write(reference & 0xFF);
            part.write(chunks.size());
            part.write(i + 1);
            part.writeBytes(chunks.get(i).getBytes(StandardCharsets.UTF_16BE));
            parts.add(part.toByteArray());
        }
        return parts;
    }

    /** Reads one received payload: its place in a concatenated message (1 of 1 when it has none) and its text. */
    static Segment segment(byte[] shortMessage, boolean udhi, byte dataCoding) {
        if (!udhi || shortMessage.length == 0) {
            return new Segment(0, 1, 1, decode(shortMessage, dataCoding));
        }
        int headerLength = shortMessage[0] & 0xFF;
        int reference = 0;
        int total = 1;
        int number = 1;
        int position = 1;
        while (position + 1 < 1 + headerLength && position + 1 < shortMessage.length) {
            int iei = shortMessage[position] & 0xFF;
            int length = shortMessage[position + 1] & 0xFF;
            int value = position + 2;
            if (iei == IEI_CONCATENATED_8BIT && length == 3 && value + 2 < shortMessage.length) {
                reference = shortMessage[value] & 0xFF;
                total = shortMessage[value + 1] & 0xFF;
                number = shortMessage[value + 2] & 0xFF;
            } else if (iei == IEI_CONCATENATED_16BIT && length == 4 && value + 3 < shortMessage.length) {
                reference = (shortMessage[value] & 0xFF) << 8 | shortMessage[value + 1] & 0xFF;
                total = shortMessage[value + 2] & 0xFF;
                number = shortMessage[value + 3] & 0xFF;
            }
            position = value + length;
        }
        int bodyStart = Math.min(1 + headerLength, shortMessage.length);
        byte[] body = Arrays.copyOfRange(shortMessage, bodyStart, shortMessage.length);
        return new Segment(reference, Math.max(total, 1), Math.max(number, 1), decode(body, dataCoding));
    }

    /**
     * The text of a payload: UCS-2 for {@code 0x08}; the other codings an SMS centre sends over SMPP in practice
     * (default alphabet unpacked, IA5, Latin-1) read as Latin-1, which covers the ASCII of {@code 1 1234}.
     */
    static String decode(byte[] payload, byte dataCoding) {
        if ((dataCoding & 0x0F) == UCS2 || dataCoding == UCS2) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        return new String(payload, StandardCharsets.ISO_8859_1);
    }

    /** One received part: {@code number} of {@code total}, joined with the others of the same reference. */
    record Segment(int reference, int total, int number, String text) {

        boolean whole() {
            return total == 1;
        }

        @Override
        public String toString() {
            return "Segment[" + reference + ", " + number + "/" + total + "]";
        }
    }
}
