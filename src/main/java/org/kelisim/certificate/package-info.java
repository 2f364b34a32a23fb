/**
 * The issued certificates: rendering to PDF/A-2b in Kazakh and Russian, QR code, PAdES signature, storage,
 * verification.
 */
package org.kelisim.certificate;
