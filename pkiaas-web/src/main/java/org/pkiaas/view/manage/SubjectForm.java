package org.pkiaas.view.manage;

import java.io.Serializable;

/**
 * The subject attributes besides the common name, as the console's forms edit them: a new CA's
 * subject, a template's subject defaults.
 */
public class SubjectForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String organization;
  private String organizationalUnit;
  private String locality;
  private String state;
  private String country;

  public SubjectForm() {}

  public SubjectForm(
      String organization,
      String organizationalUnit,
      String locality,
      String state,
      String country) {
    this.organization = organization;
    this.organizationalUnit = organizationalUnit;
    this.locality = locality;
    this.state = state;
    this.country = country;
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public String getOrganizationalUnit() {
    return organizationalUnit;
  }

  public void setOrganizationalUnit(String organizationalUnit) {
    this.organizationalUnit = organizationalUnit;
  }

  public String getLocality() {
    return locality;
  }

  public void setLocality(String locality) {
    this.locality = locality;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
