package org.pkiaas.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pkiaas.config.PkiaasConfig;

/**
 * The AES-256 key that wraps every managed private key. It comes from {@code PKIAAS_MASTER_KEY}
 * (base64; typically an Elytron credential-store expression) or, in the embedded default, from a
 * key file beside the server's data that is created on first use with owner-only permissions.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final int KEY_BYTES = 32;

    @Inject
    PkiaasConfig config;

    private volatile SecretKey key;

    public SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(load(), "AES");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] load() {
        if (config.masterKey().isPresent()) {
            return checked(Base64.getDecoder().decode(config.masterKey().get().trim()), "PKIAAS_MASTER_KEY");
        }
        Path file = config.masterKeyFile();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The master key file " + file + " cannot be read or created", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            LOG.warning(() -> "PKIaaS: created a new master key at " + file + ". Back it up: without it no CA key can be used.");
        } catch (FileAlreadyExistsException raced) {
            LOG.fine("Another thread created the master key first");
        }
    }

    private static byte[] checked(byte[] material, String source) {
        if (material.length != KEY_BYTES) {
            throw new IllegalStateException("The master key from " + source + " must be 32 bytes (base64), not " + material.length);
        }
        return material;
    }
}
