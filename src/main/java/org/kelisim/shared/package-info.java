/**
 * What every module may use: the domain exception model.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kelisim.shared;
