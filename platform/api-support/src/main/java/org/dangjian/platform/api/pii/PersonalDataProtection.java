package org.dangjian.platform.api.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encryption at rest (AES-256-GCM) and keyed blind indexes (HMAC-SHA256) for personal data such as
 * national ID numbers and phones. A stored value reads {@code v1:<keyId>:<base64(iv ‖ ciphertext)>},
 * so the key that sealed it is known and keys can be rotated by re-encrypting.
 */
@ApplicationScoped
public class PersonalDataProtection {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /*
     * Cipher.getInstance looks the provider up, and a fresh Cipher expands the AES key on every init;
     * a thread's own Cipher re-initialised with the same key object skips both (a bulk import seals
     * two values per row: 24 % of its CPU went here). Keys are decoded once.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<Mac> blindIndexMac = ThreadLocal.withInitial(this::newBlindIndexMac);
    private final java.util.Map<String, SecretKeySpec> keys = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    PiiConfig config;

    /** For CDI. */
    public PersonalDataProtection() {
    }

    /** Outside a running service, e.g. a data generator sealing rows the way the services do. */
    public PersonalDataProtection(PiiConfig config) {
        this.config = config;
    }

    public String encrypt(String plaintext) {
        return encryptWith(activeKey(), plaintext);
    }

    /** Sealed with a named configured key rather than the active one: for rotation drills and tests. */
    public String encryptWith(String keyId, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            // The key id is authenticated too, so a value cannot be relabelled to another key.
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Whether the value was sealed with a key other than the active one (a rotation candidate). */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(activePrefix());
    }

    /** How every value sealed with the active key begins. */
    public String activePrefix() {
        return PREFIX + ":" + activeKey() + ":";
    }

    private String activeKey() {
        return config.activeKey().orElseThrow(() -> new IllegalStateException("dangjian.pii.active-key is not configured"));
    }

    public String reencrypt(String stored) {
        return needsReencryption(stored) ? encrypt(decrypt(stored)) : stored;
    }

    /**
     * A deterministic keyed hash for exact-match search; callers normalize first (e.g. upper-case
     * the check character of a national ID) so equal values index equally.
     */
    public String blindIndex(String normalized) {
        if (normalized == null) {
            return null;
        }
        // doFinal resets the Mac, so a thread's one instance serves all its values.
        return HexFormat.of().formatHex(blindIndexMac.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newBlindIndexMac() {
        String key = config.blindIndexKey().orElseThrow(() -> new IllegalStateException("dangjian.pii.blind-index-key is not configured"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private SecretKeySpec key(String keyId) {
        return keys.computeIfAbsent(keyId, id -> {
            String encoded = config.keys().get(id);
            if (encoded == null) {
                throw new IllegalStateException("no personal-data key with id " + id + " is configured");
            }
            return new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES");
        });
    }
}
