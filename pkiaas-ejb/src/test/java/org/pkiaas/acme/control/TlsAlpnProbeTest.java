package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TlsAlpnProbeTest {

    /** RFC 8738 §6: an address is asked for by its reverse-mapping name (RFC 1035 §3.5, RFC 3596 §2.5). */
    @Test
    void addressesAreAskedForByTheirReverseName() throws Exception {
        assertEquals("1.2.0.192.in-addr.arpa", TlsAlpnProbe.reverseName(InetAddress.getByName("192.0.2.1")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                TlsAlpnProbe.reverseName(InetAddress.getByName("2001:db8::1")));
    }
}
