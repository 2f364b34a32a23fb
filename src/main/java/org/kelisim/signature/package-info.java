/**
 * Electronic digital signatures (ЭЦП): certificate profiles of NCA RK, CMS and XMLDSig verification, trust chains and
 * revocation, sign-in by signed challenge, and the demo certification authority of the embedded mode.
 */
package org.kelisim.signature;
