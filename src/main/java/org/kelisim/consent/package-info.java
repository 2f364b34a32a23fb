/**
 * The user's side: requests about them, answers in the cabinet and by SMS, decisions.
 */
package org.kelisim.consent;
