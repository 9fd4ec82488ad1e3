package org.pkiaas.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code openssl ts} as a relying party runs it against a CA's time-stamp authority, in a working
 * directory: a fresh {@code document.txt} per stamp, the query in {@code query.tsq}, the reply in
 * {@code reply.tsr}, verified against {@code ca.pem}.
 */
final class OpensslTs {

  private final Path dir;

  OpensslTs(Path dir) {
    this.dir = dir;
  }

  void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] read(String file) {
    try {
      return Files.readAllBytes(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** openssl ts -query with these options over a new document, sent to the CA's TSA. */
  Api.Reply stamp(String caId, String... options) {
    write("document.txt", "a contract signed on " + System.nanoTime() + "\n");
    List<String> command =
        new ArrayList<>(
            List.of("openssl", "ts", "-query", "-data", "document.txt", "-out", "query.tsq"));
    command.addAll(Arrays.asList(options));
    Tools.ok(dir, command.toArray(String[]::new));
    Api.Reply reply =
        Api.anonymous().post("/pki/tsa/" + caId, "application/timestamp-query", read("query.tsq"));
    try {
      Files.write(dir.resolve("reply.tsr"), reply.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reply;
  }

  /** What openssl ts -reply -text prints of the last reply. */
  String replyText() {
    return Tools.ok(dir, "openssl", "ts", "-reply", "-in", "reply.tsr", "-text");
  }

  /** openssl ts -verify of the last reply over the last document, the CA as trust anchor. */
  String verify(String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "ts",
                "-verify",
                "-data",
                "document.txt",
                "-in",
                "reply.tsr",
                "-CAfile",
                "ca.pem"));
    command.addAll(Arrays.asList(extra));
    return Tools.ok(dir, command.toArray(String[]::new));
  }

  /** The SHA-256 of the last document as openssl dgst prints it: lower-case hex. */
  String sha256OfDocument() {
    return Tools.ok(dir, "openssl", "dgst", "-sha256", "-r", "document.txt").split(" ")[0].strip();
  }
}
