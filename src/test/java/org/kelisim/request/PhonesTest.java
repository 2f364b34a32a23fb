package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhonesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "+77011234567, +77011234567",
        "'+7 (701) 123-45-67', +77011234567",
        "87011234567, +77011234567",
        "77011234567, +77011234567",
        "'', none",
        "none, none",
        "abc, none"
    })
    void bringsEveryWayOfWritingAKazakhNumberToOneForm(String written, String normalized) {
        assertThat(Phones.normalize(written)).isEqualTo(normalized);
    }
}
