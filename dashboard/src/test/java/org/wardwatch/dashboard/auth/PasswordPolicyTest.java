package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void shortRepeatedBlankAndCommonPasswordsAreRefusedWithAReason() {
        assertThat(PasswordPolicy.refusal("alice", "          ")).hasValueSatisfying(r -> assertThat(r).contains("at least 12"));
        assertThat(PasswordPolicy.refusal("alice", "aaaaaaaaaa")).hasValueSatisfying(r -> assertThat(r).contains("at least 12"));
        assertThat(PasswordPolicy.refusal("alice", "            ")).hasValueSatisfying(r -> assertThat(r).contains("too easy to guess"));
        assertThat(PasswordPolicy.refusal("alice", "aaaaaaaaaaaaaaaa")).hasValueSatisfying(r -> assertThat(r).contains("too easy to guess"));
        assertThat(PasswordPolicy.refusal("alice", "password1234")).hasValueSatisfying(r -> assertThat(r).contains("too easy to guess"));
        assertThat(PasswordPolicy.refusal("alice", "qwertyuiop123")).hasValueSatisfying(r -> assertThat(r).contains("too easy to guess"));
    }

    @Test
    void theReasonIsTheEstimatorsWarningAndHint() {
        assertThat(PasswordPolicy.refusal("alice", "aaaaaaaaaaaaaaaa"))
                .hasValue("password is too easy to guess: Repeats like \"aaa\" are easy to guess (Avoid repeated words and characters)");
    }

    @Test
    void thePasswordMayNotBeOrHoldTheUserName() {
        assertThat(PasswordPolicy.refusal("wardmanager01", "wardmanager01")).hasValue("password must not contain the user name");
        assertThat(PasswordPolicy.refusal("wardmanager", "Wardmanager-Xq7#pLm2")).hasValue("password must not contain the user name");
    }

    @Test
    void longUnusualPasswordsAndPassphrasesPass() {
        assertThat(PasswordPolicy.refusal("alice", "correct horse battery")).isEmpty();
        assertThat(PasswordPolicy.refusal("alice", "vq7-Lm2#pXz9")).isEmpty();
        assertThat(PasswordPolicy.refusal("alice", "marmalade tugboat quarry")).isEmpty();
    }

    @Test
    void everyReasonIsOneLine() {
        for (String pw : new String[] {"short", "            ", "password1234", "alice-alice-alice"}) {
            assertThat(PasswordPolicy.refusal("alice", pw)).hasValueSatisfying(r -> assertThat(r).doesNotContain("\n"));
        }
    }
}
