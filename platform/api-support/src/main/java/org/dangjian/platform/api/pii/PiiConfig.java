package org.dangjian.platform.api.pii;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/**
 * Keys for personal data (ARCHITECTURE.md §4), from configuration or a Kubernetes Secret:
 * {@code dangjian.pii.keys.<id>} = base64 AES-256 key, {@code dangjian.pii.active-key} = the id new
 * values are encrypted with, {@code dangjian.pii.blind-index-key} = base64 HMAC key. Old key ids stay
 * configured until every value has been re-encrypted. Optional so services without personal data
 * start without them.
 */
@ConfigMapping(prefix = "dangjian.pii")
public interface PiiConfig {

    Map<String, String> keys();

    Optional<String> activeKey();

    Optional<String> blindIndexKey();

    /**
     * Where this service keeps encrypted values, as {@code table.column} (the table's key is
     * {@code id}): what {@link ReEncryption} re-seals with the active key after a rotation.
     */
    Optional<java.util.List<String>> encryptedColumns();
}
