package org.pkiaas.ca.entity;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.pkiaas.audit.entity.Identified;

/**
 * Tells the node when a CA or a template is changed or removed, whichever code path does it: a JPA
 * entity listener ({@code @EntityListeners} on both), so no caller of a setter can forget. Injected
 * by CDI, as Jakarta Persistence provides in a container (§3.5.1). Bulk JPQL or SQL statements do
 * not call entity listeners: none may write these two tables, or it must fire the event itself.
 */
public class IssuingSettingsListener {

  @Inject Event<IssuingSettingsChanged> changes;

  @PostUpdate
  @PostRemove
  void changed(Object entity) {
    changes.fire(new IssuingSettingsChanged(entity.getClass(), ((Identified) entity).id()));
  }
}
