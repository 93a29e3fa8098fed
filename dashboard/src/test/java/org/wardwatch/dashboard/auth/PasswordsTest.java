package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hashesWithArgon2idAndASaltSoEqualPasswordsDiffer() {
        String a = Passwords.hash("correct horse battery");
        String b = Passwords.hash("correct horse battery");
        assertThat(a).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(a).isNotEqualTo(b);
        assertThat(Passwords.verify("correct horse battery", a)).isTrue();
        assertThat(Passwords.verify("correct horse batterz", a)).isFalse();
        assertThat(Passwords.verify("anything", null)).isFalse();
        assertThat(Passwords.verify("anything", "not a hash")).isFalse();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> Passwords.hash("short")).hasMessageContaining("at least");
    }
}
