/**
 * AWS's service models as Drydock uses them: the tables {@code scripts/service-models.py} extracts from botocore's
 * JSON models ({@link dev.drydock.core.internal.model.ServiceModel}), the one check every service's requests pass
 * before any handler runs ({@link dev.drydock.core.internal.model.ModelChecks},
 * {@link dev.drydock.core.internal.model.RequestValidator}), how each service words its answer
 * ({@link dev.drydock.core.spi.ValidationStyle}, in the SPI), and the answer to requests for AWS services Drydock does
 * not serve ({@link dev.drydock.core.internal.model.UnservedServices}).
 */
package dev.drydock.core.internal.model;
