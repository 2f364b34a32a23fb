/**
 * Ports to the state registries (population, real estate, portal accounts, BMG phones) and their adapters: embedded,
 * backed by the service's own tables and demo data, and HTTP, for the real registries.
 */
package org.kelisim.registry;
