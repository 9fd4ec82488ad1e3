package org.pkiaas.pki.acme;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createReader} and its siblings look the provider
 * up through the ServiceLoader on every call, which under load cost more than the JWS signature
 * check (seen with JFR in the ACME benchmark).
 */
final class JsonP {

  static final JsonProvider JSON = JsonProvider.provider();

  private JsonP() {}
}
