package org.kelisim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    @Nested
    class Valid {

        @ParameterizedTest
        @CsvSource({
            "850715300003, 1985-07-15, MALE",
            "900101400404, 1990-01-01, FEMALE",
            "050210500013, 2005-02-10, MALE",
        })
        void acceptsAndReadsDateOfBirthAndSex(String value, LocalDate birthDate, Iin.Sex sex) {
            var iin = Iin.of(value);

            assertThat(iin.value()).isEqualTo(value);
            assertThat(iin.birthDate()).contains(birthDate);
            assertThat(iin.sex()).contains(sex);
        }

        @Test
        void needsTheSecondWeightRoundFor900101400404() {
            // first round: 9+0+0+4+0+6+28+0+0+40+0 = 87, 87 mod 11 = 10, so the second round decides
            assertThat(Iin.isValid("900101400404")).isTrue();
            assertThat(Iin.isValid("900101400400")).isFalse();
        }

        @Test
        void stripsSurroundingSpaces() {
            assertThat(Iin.of(" 850715300003 ").value()).isEqualTo("850715300003");
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest
        @ValueSource(strings = {"123456789011", "850715300004", "85071530000", "8507153000031", "85071530000a",
            "8507 1530000", "ABCDEFGHIJKL", "８５０７１５３００００３"})
        void refusedWithTheInvalidIinCode(String value) {
            assertThatThrownBy(() -> Iin.of(value))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessage("invalid_iin")
                    .satisfies(e -> assertThat(((InvalidIdentifierException) e).code()).isEqualTo("invalid_iin"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void refusesNothing(String value) {
            assertThatThrownBy(() -> Iin.of(value)).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Nested
    class Masking {

        @Test
        void toStringShowsOnlyTheFirstSixDigits() {
            assertThat(Iin.of("850715300003")).hasToString("850715******");
        }

        @Test
        void masksPhonesAndNames() {
            assertThat(Masks.phone("+77015554467")).isEqualTo("+7 701 *** ** 67");
            assertThat(Masks.name("Асқар Серікұлы")).isEqualTo("А*** С***");
        }
    }
}
