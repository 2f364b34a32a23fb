/**
 * Pages, security, problem details and languages: what every HTTP interface shares.
 */
package org.kelisim.web;
