/**
 * Amazon EFS in Drydock: {@link dev.drydock.efs.EfsModule} (the module), {@link dev.drydock.efs.EfsFixtures} (file
 * systems with access points and policies to declare) and {@link dev.drydock.efs.EfsFiles} (a test's view of their
 * files). Everything else is done through the EFS API; {@code dev.drydock.efs.internal} is not API.
 */
package dev.drydock.efs;
