package org.kelisim.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsAnswerTest {

    @ParameterizedTest(name = "\"{0}\" -> allow {1}, code {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "1 4821|true|4821",
        "0 4821|false|4821",
        "1|true|none",
        "0|false|none",
        "'  1   4821  '|true|4821",
        "1\t4821|true|4821",
        "1-4821|true|4821",
        "1 123456|true|123456",
        "ИӘ 4821|true|4821",
        "иә 4821|true|4821",
        "Иә|true|none",
        "ИЭ 4821|true|4821",
        "ДА 4821|true|4821",
        "да|true|none",
        "Да!|true|none",
        "ДА4821|true|4821",
        "ДA 4821|true|4821",
        "YES 4821|true|4821",
        "yes|true|none",
        "ЖОҚ 4821|false|4821",
        "жоқ|false|none",
        "ЖОК 4821|false|4821",
        "ЖOK 4821|false|4821",
        "НЕТ 4821|false|4821",
        "нет|false|none",
        "HET 4821|false|4821",
        "het 4821|false|4821",
        "НEТ 4821|false|4821",
        "NO 4821|false|4821",
        "No.|false|none"
    })
    void readsTheAnswerAndTheCode(String text, boolean allow, String code) {
        var answer = SmsAnswer.parse(text);

        assertThat(answer).contains(new SmsAnswer(allow, code));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"11234", "2 4821", "1 12", "1 1234567", "4821", "1 4821 0", "ДА НЕТ", "maybe",
        "ДА 48 21", "Спасибо", "1 abcd", "DA 4821"})
    @NullAndEmptySource
    void refusesWhatIsNotAnAnswer(String text) {
        assertThat(SmsAnswer.parse(text)).isEmpty();
    }
}
