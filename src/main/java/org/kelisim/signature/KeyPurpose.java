package org.kelisim.signature;

/**
 * What an NCA RK key is for. AUTH keys sign in (digitalSignature with keyEncipherment, or EKU clientAuth); SIGN keys
 * sign documents (nonRepudiation, or EKU emailProtection 1.3.6.1.5.5.7.3.4). A key may serve both.
 */
public enum KeyPurpose {
    AUTH, SIGN
}
