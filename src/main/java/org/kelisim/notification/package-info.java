/**
 * Telling people: SMS over SMPP, cabinet messages, the third party's inbox, webhooks; delivery with retries.
 */
package org.kelisim.notification;
