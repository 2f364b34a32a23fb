/**
 * Infrastructure of the whole application: the database (embedded or external), clock, cluster-wide locks.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kelisim.system;
