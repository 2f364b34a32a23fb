/**
 * The certificate request: its lifecycle, the two-hour deadline, drafts, and the third party's history.
 */
package org.kelisim.request;
