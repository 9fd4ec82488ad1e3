package org.pkiaas.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * What a domain's owner runs for ACME validation, in the test: a web server on the port the
 * server's http-01 validation uses, and the DNS server it is configured to ask. Every name
 * resolves to 127.0.0.1 except those under {@code nx.}; TXT records are the ones published here.
 */
final class ChallengeResponders {

    private static final Map<String, String> HTTP = new ConcurrentHashMap<>();
    private static final Map<String, String> TXT = new ConcurrentHashMap<>();
    /** Where clients' DNS hooks publish TXT records: a file named after the record's name (with the final dot), holding its value. */
    static final java.nio.file.Path TXT_DIRECTORY = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pkiaas-it-acme-txt");
    /** Whether the DNS server runs; it runs until the test JVM ends. */
    private static boolean started;
    private static HttpServer http;

    private ChallengeResponders() {
    }

    static synchronized void start() {
        try {
            if (http == null) {
                startHttp();
            }
            java.nio.file.Files.createDirectories(TXT_DIRECTORY);
            if (!started) {
                DatagramSocket dns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        Integer.getInteger("pkiaas.it.acme.dns-port", 5153)));
                Thread server = new Thread(() -> serveDns(dns), "test-dns");
                server.setDaemon(true);
                server.start();
                started = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void startHttp() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.getInteger("pkiaas.it.acme.http01-port", 5102)), 0);
        http.createContext("/.well-known/acme-challenge/", exchange -> {
            String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
            String answer = HTTP.get(token);
            byte[] body = (answer == null ? "unknown token" : answer).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    /** Frees the http-01 port for a real client's own responder (certbot --standalone); {@link #start} takes it again. */
    static synchronized void stopHttp() {
        if (http != null) {
            http.stop(0);
            http = null;
        }
    }

    /** Serves {@code keyAuthorization} at {@code /.well-known/acme-challenge/<token>}. */
    static void http(String token, String keyAuthorization) {
        HTTP.put(token, keyAuthorization);
    }

    /** Publishes a TXT record, e.g. at {@code _acme-challenge.www.example.com}. */
    static void txt(String name, String value) {
        TXT.put(name.toLowerCase() + ".", value);
    }

    private static void serveDns(DatagramSocket socket) {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // a broken query: ignore it, as a DNS server would
            }
        }
    }

    private static Message answer(Message query) throws IOException {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        String name = question.getName().toString().toLowerCase();
        if (name.startsWith("nx.") || name.contains(".nx.")) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.A) {
            response.addRecord(new ARecord(question.getName(), DClass.IN, 0, InetAddress.getLoopbackAddress()), Section.ANSWER);
        } else if (question.getType() == Type.TXT) {
            String value = TXT.get(name);
            java.nio.file.Path file = TXT_DIRECTORY.resolve(name);
            if (value == null && java.nio.file.Files.isRegularFile(file)) {
                value = java.nio.file.Files.readString(file).strip();
            }
            if (value != null) {
                response.addRecord(new TXTRecord(question.getName(), DClass.IN, 0, value), Section.ANSWER);
            }
        }
        return response;
    }
}
