package org.pkiaas.hsm.agent;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a PKCS#11 library's slots with their tokens, through the JDK's own PKCS#11 wrapper (the
 * {@code SunPKCS11} provider offers no slot listing). The runnable jar's manifest exports the
 * wrapper package to the agent ({@code Add-Exports}).
 */
final class TokenSlots {

  /** One slot with a token in it. */
  record Slot(long id, String label, String manufacturer, String model, String serial) {}

  private TokenSlots() {}

  static List<Slot> list(String library) throws ReflectiveOperationException {
    Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
    Class<?> initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
    Method getInstance =
        wrapper.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
    Object pkcs11 = getInstance.invoke(null, library, "C_GetFunctionList", null, false);
    long[] ids = (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(pkcs11, true);
    Method tokenInfo = wrapper.getMethod("C_GetTokenInfo", long.class);
    List<Slot> slots = new ArrayList<>();
    for (long id : ids) {
      Object info = tokenInfo.invoke(pkcs11, id);
      slots.add(
          new Slot(
              id,
              field(info, "label"),
              field(info, "manufacturerID"),
              field(info, "model"),
              field(info, "serialNumber")));
    }
    return slots;
  }

  private static String field(Object info, String name) throws ReflectiveOperationException {
    return new String((char[]) info.getClass().getField(name).get(info)).strip();
  }
}
