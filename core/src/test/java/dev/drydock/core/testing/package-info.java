/**
 * The suites every service module runs against its own service (drydock-core's test-jar): {@link
 * dev.drydock.core.testing.BadInputSuite} (bad input to every implemented operation is a 4xx error in the service's
 * form and changes nothing) and {@link dev.drydock.core.testing.OperationTableSuite} (docs/&lt;service&gt;-operations.md
 * says what Drydock answers), with the raw, signed client they use ({@link dev.drydock.core.testing.RawAws}), and
 * Debian's docker-registry as a reference and private registry ({@link dev.drydock.core.testing.ReferenceRegistry}).
 */
package dev.drydock.core.testing;
