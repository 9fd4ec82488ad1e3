package org.pkiaas.pki.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pkiaas.config.PkiaasConfig;

/**
 * The URLs of the ACME resources, all under the configured public base URL; the {@code url} header
 * of every JWS must name one of them exactly (RFC 8555 §6.4).
 */
@ApplicationScoped
public class AcmeUrls {

  static final String ROOT = "/pki/acme";

  @Inject PkiaasConfig config;

  String base() {
    return config.publicUrl() + ROOT;
  }

  String directory() {
    return base() + "/directory";
  }

  String newNonce() {
    return base() + "/new-nonce";
  }

  String newAccount() {
    return base() + "/new-account";
  }

  String newOrder() {
    return base() + "/new-order";
  }

  String keyChange() {
    return base() + "/key-change";
  }

  String renewalInfo() {
    return base() + "/renewal-info";
  }

  String revokeCert() {
    return base() + "/revoke-cert";
  }

  String accountPrefix() {
    return base() + "/account/";
  }

  String account(String id) {
    return accountPrefix() + id;
  }

  String orders(String accountId) {
    return account(accountId) + "/orders";
  }

  String order(String id) {
    return base() + "/order/" + id;
  }

  String finalizeOrder(String id) {
    return order(id) + "/finalize";
  }

  String authorization(String id) {
    return base() + "/authz/" + id;
  }

  String challenge(String id) {
    return base() + "/chall/" + id;
  }

  String certificate(String orderId) {
    return base() + "/cert/" + orderId;
  }
}
