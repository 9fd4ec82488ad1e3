package org.pkiaas.api.body;

import jakarta.inject.Inject;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body of the API into its request record through {@link
 * RequestBodyBinder} instead of the container's lenient JSON-B binding (which turns {@code 5} into
 * {@code "5"}, {@code "2048"} and {@code 2048.5} into {@code 2048} and drops unknown members).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class RequestBodyReader implements MessageBodyReader<Record> {

  @Inject ValidatorFactory validators;

  private volatile RequestBodyBinder binder;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    // The body's size is bounded by the container before it gets here.
    return binder().read(entityStream.readAllBytes(), type);
  }

  private RequestBodyBinder binder() {
    RequestBodyBinder current = binder;
    if (current == null) {
      // Injected where the container manages providers as beans; the default factory otherwise.
      current =
          new RequestBodyBinder(
              RecordValidation.validatorFor(
                  validators != null ? validators : Validation.buildDefaultValidatorFactory()));
      binder = current;
    }
    return current;
  }
}
