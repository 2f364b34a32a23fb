package org.kelisim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BinTest {

    @Test
    void accepts200340000011() {
        assertThat(Bin.of("200340000011").value()).isEqualTo("200340000011");
        assertThat(Bin.of("200340000011")).hasToString("200340******");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789011", "200340000012", "20034000001", "2003400000111", "20034000001x"})
    void refusesMalformedOrWrongControlDigit(String value) {
        assertThatThrownBy(() -> Bin.of(value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("invalid_bin");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNothing(String value) {
        assertThat(Bin.isValid(value)).isFalse();
    }
}
