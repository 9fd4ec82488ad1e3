package org.pkiaas.acme.entity;

import java.util.Locale;

/** The HMAC algorithms an external account binding may use (RFC 8555 §7.3.4, RFC 7518 §3.2). */
public enum MacAlgorithm {
    HS256(32),
    HS384(48),
    HS512(64);

    private final int keyBytes;

    MacAlgorithm(int keyBytes) {
        this.keyBytes = keyBytes;
    }

    /** The key length that gives the algorithm its full strength. */
    public int keyBytes() {
        return keyBytes;
    }

    /** The algorithm named, or null when the name is none of them. */
    public static MacAlgorithm parse(String name) {
        if (name == null || name.isBlank()) {
            return HS256;
        }
        for (MacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        return null;
    }
}
