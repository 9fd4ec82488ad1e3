package org.pkiaas.pki;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The endpoints protocol clients call, under {@code /pki}; each speaks its own RFC. */
@ApplicationPath("/")
public class ProtocolApplication extends Application {}
