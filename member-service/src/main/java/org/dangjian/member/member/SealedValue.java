package org.dangjian.member.member;

/** A personal-data value as stored: its ciphertext and, when searchable, its blind index. */
public record SealedValue(String ciphertext, String blindIndex) {
}
