package org.kelisim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShortMessagesTest {

    private static final String KAZAKH = "Сіз туралы мекенжай анықтамасын сұрайды. Сауал коды 4821. "
            + "Рұқсат беру үшін 1 4821, бас тарту үшін 0 4821 деп жауап беріңіз. Кодты ешкімге айтпаңыз! "
            + "Әәә ғғғ қққ ңңң өөө ұұұ үүү һһһ ііі.";

    @Nested
    class AShortText {

        @Test
        void travelsInOneUcs2PartWithoutAHeader() {
            var parts = ShortMessages.encode("1 4821 ИӘ", 7);

            assertThat(parts).hasSize(1);
            assertThat(parts.get(0)).isEqualTo("1 4821 ИӘ".getBytes(StandardCharsets.UTF_16BE));
            assertThat(ShortMessages.segment(parts.get(0), false, ShortMessages.UCS2).text()).isEqualTo("1 4821 ИӘ");
        }

        @Test
        void ofSeventyCharactersStillFitsOnePart() {
            assertThat(ShortMessages.encode("ә".repeat(70), 1)).hasSize(1);
            assertThat(ShortMessages.encode("ә".repeat(71), 1)).hasSize(2);
        }
    }

    @Nested
    class ALongCyrillicText {

        @Test
        void isSplitIntoPartsOfAtMost140OctetsWithAConcatenationHeader() {
            var parts = ShortMessages.encode(KAZAKH, 0x2A);

            assertThat(parts).hasSize((KAZAKH.length() + 66) / 67);
            for (int i = 0; i < parts.size(); i++) {
                byte[] part = parts.get(i);
                assertThat(part.length).isLessThanOrEqualTo(140);
                assertThat(part).startsWith(5, 0, 3, 0x2A, parts.size(), i + 1);
            }
        }

        @Test
        void isJoinedBackWhateverTheOrderOfArrival() {
            var parts = new ArrayList<>(ShortMessages.encode(KAZAKH, 200));
            Collections.reverse(parts);
            var concatenation = new Concatenation(java.time.Duration.ofMinutes(1));

            Optional<String> joined = Optional.empty();
            for (byte[] part : parts) {
                assertThat(joined).isEmpty();
                joined = concatenation.add("+77011234567", ShortMessages.segment(part, true, ShortMessages.UCS2),
                        Instant.EPOCH);
            }

            assertThat(joined).contains(KAZAKH);
        }

        @Test
        void neverCutsASurrogatePairInTwo() {
            String text = "а".repeat(66) + "😀" + "б".repeat(10);

            var parts = ShortMessages.encode(text, 1);
            var concatenation = new Concatenation(java.time.Duration.ofMinutes(1));
            Optional<String> joined = Optional.empty();
            for (byte[] part : parts) {
                var segment = ShortMessages.segment(part, true, ShortMessages.UCS2);
                assertThat(segment.text()).doesNotContain("\uFFFD");
                joined = concatenation.add("x", segment, Instant.EPOCH);
            }

            assertThat(joined).contains(text);
        }
    }

    @Nested
    class Concatenations {

        @Test
        void keepThePartsOfDifferentSendersApart() {
            var first = ShortMessages.encode("А".repeat(100), 5);
            var second = ShortMessages.encode("Б".repeat(100), 5);
            var concatenation = new Concatenation(java.time.Duration.ofMinutes(1));

            concatenation.add("+77010000001", ShortMessages.segment(first.get(0), true, ShortMessages.UCS2),
                    Instant.EPOCH);
            var fromSecond = concatenation.add("+77010000002",
                    ShortMessages.segment(second.get(1), true, ShortMessages.UCS2), Instant.EPOCH);
            var fromFirst = concatenation.add("+77010000001",
                    ShortMessages.segment(first.get(1), true, ShortMessages.UCS2), Instant.EPOCH);

            assertThat(fromSecond).isEmpty();
            assertThat(fromFirst).contains("А".repeat(100));
        }

        @Test
        void dropPartsWhoseOtherPartsNeverCame() {
            var parts = ShortMessages.encode("А".repeat(100), 9);
            var concatenation = new Concatenation(java.time.Duration.ofMinutes(1));

            concatenation.add("x", ShortMessages.segment(parts.get(0), true, ShortMessages.UCS2), Instant.EPOCH);
            var late = concatenation.add("x", ShortMessages.segment(parts.get(1), true, ShortMessages.UCS2),
                    Instant.EPOCH.plusSeconds(3600));

            assertThat(late).isEmpty();
        }
    }

    @Test
    void readsLatinOneWhenTheCentreSendsTheDefaultCoding() {
        byte[] payload = "0 4821".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ShortMessages.segment(payload, false, (byte) 0).text()).isEqualTo("0 4821");
    }
}
