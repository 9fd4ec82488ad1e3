package org.pkiaas.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose subject is a third-party client's interoperability (certbot, lego,
 * acme4j, scepclient, jscep, strongSwan pki, osslsigncode, jsign, a browser): what it checks is the
 * wire format both sides agree on, which does not depend on the database. The full run takes these
 * on H2 only, to keep the whole test command under 40 minutes; the database-dependent behaviour of
 * the same protocols is covered on both databases by their own test classes. {@code
 * -Dit.mariadb.excludedGroups=} (empty) runs them on MariaDB too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(RealClient.TAG)
public @interface RealClient {

  String TAG = "real-client";
}
