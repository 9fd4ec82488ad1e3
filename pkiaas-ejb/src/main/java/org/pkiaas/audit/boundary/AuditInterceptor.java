package org.pkiaas.audit.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.problem.Unfinished;

/**
 * Records every {@link Audited} call. The actor is the method's {@link Caller} argument; the object
 * is what the method returns when that is {@link Identified}, otherwise the argument that {@link
 * Audited#objectIdArgument()} names; the CA, whose owner's log shows the event, likewise. A failure
 * is written in its own transaction so it survives the rollback of the failed action. A success is
 * not written again where the work records it itself ({@link Audited#recordSuccess()}).
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

  @Inject AuditLog auditLog;

  @AroundInvoke
  public Object record(InvocationContext ctx) throws Exception {
    Audited audited = ctx.getMethod().getAnnotation(Audited.class);
    String action = audited.value().isEmpty() ? ctx.getMethod().getName() : audited.value();
    Object[] parameters = ctx.getParameters();
    Caller caller = null;
    for (Object parameter : parameters) {
      if (parameter instanceof Caller c) {
        caller = c;
        break;
      }
    }
    String argumentId = argument(parameters, audited.objectIdArgument());
    String argumentCaId = argument(parameters, audited.caIdArgument());
    try {
      Object result = ctx.proceed();
      if (!audited.recordSuccess()) {
        return result;
      }
      String objectId = result instanceof Identified identified ? identified.id() : argumentId;
      String caId =
          result instanceof Identified identified && identified.caId() != null
              ? identified.caId()
              : argumentCaId;
      auditLog.success(caller, action, audited.objectType(), objectId, caId);
      return result;
    } catch (Exception e) {
      if (e instanceof Unfinished) {
        throw e; // the action runs again at once; that run is the one recorded
      }
      String detail =
          e instanceof PkiaasException
              ? e.getMessage()
              : "internal error (" + e.getClass().getSimpleName() + ")";
      auditLog.failure(caller, action, audited.objectType(), argumentId, argumentCaId, detail);
      throw e;
    }
  }

  private static String argument(Object[] parameters, int index) {
    return index >= 0 && index < parameters.length && parameters[index] != null
        ? parameters[index].toString()
        : null;
  }
}
