package org.kelisim.request;

/** The certificates a third party may ask for (DESIGN.md). */
public enum CertificateType {
    ADDRESS, REAL_ESTATE_PRESENCE, REAL_ESTATE_RIGHTS
}
