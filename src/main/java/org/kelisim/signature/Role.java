package org.kelisim.signature;

/**
 * What an NCA RK certificate says its holder is, from the 1.2.398.3.3.4.* policy identifiers.
 */
public enum Role {
    INDIVIDUAL, LEGAL_ENTITY, FIRST_HEAD, SIGNING_RIGHT, FINANCIAL_SIGNING_RIGHT, HR, EMPLOYEE
}
