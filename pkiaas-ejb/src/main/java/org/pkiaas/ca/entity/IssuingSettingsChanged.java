package org.pkiaas.ca.entity;

/**
 * A CA or a template row was changed or removed, in the transaction that fires this (at its flush,
 * before it commits). Whatever this node keeps of what issuance reads drops it ({@code
 * IssuingTemplates}).
 *
 * @param entity the changed entity's class
 * @param id its row id
 */
public record IssuingSettingsChanged(Class<?> entity, String id) {}
