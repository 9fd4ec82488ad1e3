package org.pkiaas.pki;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: logged here with an id, answered with a plain 500 naming only that id, never a
 * stack trace. JAX-RS's own answers (404 for an unknown path, 405, 406) pass through unchanged.
 */
@Provider
public class UnexpectedMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException web) {
            return web.getResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Protocol request failed (" + id + ")", exception);
        return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE).entity("Internal error " + id + "\n").build();
    }
}
