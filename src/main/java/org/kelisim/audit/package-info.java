/**
 * The append-only, hash-chained trail of every touch of personal data, and the user's "who asked about me".
 */
package org.kelisim.audit;
