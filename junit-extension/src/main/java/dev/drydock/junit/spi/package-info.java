/**
 * How the JUnit extension learns each service module's annotations and injectable types:
 * {@link dev.drydock.junit.spi.DrydockPlugin}, found with {@link java.util.ServiceLoader}, lists
 * {@link dev.drydock.junit.spi.AnnotationBinding}s (annotation, {@link dev.drydock.junit.spi.Stage}, fixture) and
 * {@link dev.drydock.junit.spi.Injectable}s (SDK clients and other values). Mark a plug-in's annotations with
 * {@link dev.drydock.junit.spi.DrydockAnnotation} so that using one without its module names the artifact to add.
 * JUnit types stay here: core and the service modules never see them.
 */
package dev.drydock.junit.spi;
