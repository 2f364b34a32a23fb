/**
 * Who people and organisations are: IIN and BIN with their checksum, masking of personal data.
 */
package org.kelisim.identity;
