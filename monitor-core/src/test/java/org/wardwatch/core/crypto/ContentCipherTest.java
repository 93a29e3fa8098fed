package org.wardwatch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class ContentCipherTest {
    final MasterKey key = MasterKey.generate("test");
    final ContentCipher cipher = new ContentCipher(key);

    @Test
    void textRoundTripsAndTheStoredFormShowsNothingOfIt() {
        String caption = "Happy 80th birthday to Doreen on Willow Ward 🎂 \u202Eneerod";
        String stored = cipher.encrypt(ContentColumn.POST_TEXT, caption);
        assertThat(stored).startsWith("wwc1." + KeyFingerprint.of(key) + ".").doesNotContain("Doreen").doesNotContain("Willow");
        assertThat(new String(Base64.getDecoder().decode(stored.substring(22)), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Doreen");
        assertThat(cipher.decrypt(ContentColumn.POST_TEXT, stored)).isEqualTo(caption);
        assertThat(ContentCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.encrypts(stored)).isTrue();
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt(ContentColumn.POST_TEXT, "Doreen")).isNotEqualTo(cipher.encrypt(ContentColumn.POST_TEXT, "Doreen"));
    }

    @Test
    void nullStaysNullAndEmptyStaysEmpty() {
        assertThat(cipher.encrypt(ContentColumn.POST_TEXT, null)).isNull();
        assertThat(cipher.decrypt(ContentColumn.POST_TEXT, null)).isNull();
        assertThat(cipher.decrypt(ContentColumn.POST_TEXT, cipher.encrypt(ContentColumn.POST_TEXT, ""))).isEmpty();
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() {
        String stored = cipher.encrypt(ContentColumn.FINDING_TEXT, "Doreen");
        assertThatThrownBy(() -> cipher.decrypt(ContentColumn.POST_TEXT, stored))
                .hasMessage("posts.text: a stored value cannot be decrypted (altered, or moved from another column)");
    }

    @Test
    void anAlteredValueDoesNotDecryptAndTheMessageQuotesNothing() {
        String stored = cipher.encrypt(ContentColumn.POST_TEXT, "Doreen");
        // a character in the middle of the base64 carries six whole bits (the last may only carry padding)
        int at = stored.length() / 2;
        String altered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
        assertThatThrownBy(() -> cipher.decrypt(ContentColumn.POST_TEXT, altered))
                .hasMessageNotContaining("Doreen").hasMessageContaining("posts.text");
    }

    @Test
    void anotherKeysValueAndPlaintextAreRefusedByName() {
        ContentCipher other = new ContentCipher(MasterKey.generate("other"));
        String foreign = other.encrypt(ContentColumn.POST_TEXT, "Doreen");
        assertThatThrownBy(() -> cipher.decrypt(ContentColumn.POST_TEXT, foreign))
                .hasMessage("posts.text: encrypted under key " + other.fingerprint() + ", not the current key " + cipher.fingerprint());
        assertThatThrownBy(() -> cipher.decrypt(ContentColumn.POST_TEXT, "Happy birthday Doreen"))
                .hasMessage("posts.text: holds a value that is not encrypted");
        assertThat(ContentCipher.isEncrypted("Happy birthday Doreen")).isFalse();
    }

    @Test
    void theContentKeyIsDerivedNotTheMediaKeyItself() {
        // the same bytes used directly (as the media vault does) must not open content values
        byte[] derived = key.derive("wardwatch content v1");
        assertThat(derived).hasSize(32).isNotEqualTo(key.bytes());
        assertThat(key.derive("wardwatch key fingerprint v1")).isNotEqualTo(derived);
        assertThat(MasterKey.of(key.bytes(), "copy").derive("wardwatch content v1")).isEqualTo(derived);
    }

    @Test
    void fingerprintsNameKeysWithoutShowingThem() {
        String fp = KeyFingerprint.of(key);
        assertThat(fp).matches("[0-9a-f]{16}");
        assertThat(KeyFingerprint.of(MasterKey.of(key.bytes(), "copy"))).isEqualTo(fp);
        assertThat(KeyFingerprint.of(MasterKey.generate("other"))).isNotEqualTo(fp);
        assertThat(java.util.HexFormat.of().formatHex(key.bytes())).doesNotContain(fp);
        assertThat(key.toString()).contains(fp).doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
    }

    @Test
    void derivationIsHkdfSha256AsRfc5869DefinesIt() {
        // expected value computed independently (Python's hmac module: extract with a zero salt, expand one block)
        byte[] ikm = new byte[32];
        for (int i = 0; i < 32; i++) ikm[i] = (byte) i;
        assertThat(java.util.HexFormat.of().formatHex(MasterKey.of(ikm, "vector").derive("wardwatch content v1")))
                .isEqualTo("6727b4830e22a8fee29b39400b15f164668dfffbfd9d4a4d5fd647c4745c2df2");
    }
}
