/**
 * Drydock's service-provider interface: everything a service module (ECS, ECR, EFS, and each further AWS service)
 * needs from core, and nothing else. A module outside core imports this package, {@code dev.drydock.core} (fixtures,
 * {@code Drydock}), {@code dev.drydock.core.runtime} (containers) and {@code dev.drydock.core.iam.policy} (policy
 * documents), never {@code dev.drydock.core.internal}; an architecture test guards this.
 *
 * <h2>A module and its host</h2>
 * <ul>
 *   <li>{@link dev.drydock.core.spi.ServiceModule}: the module, found with {@link java.util.ServiceLoader}; it
 *       declares its SDK endpoint property suffixes and starts against a
 *       {@link dev.drydock.core.spi.ServiceContext}: account, region, clock, {@link dev.drydock.core.spi.Settings},
 *       {@link dev.drydock.core.spi.Labels} for Docker objects, the {@link dev.drydock.core.spi.RuntimeSession}, the
 *       {@link dev.drydock.core.spi.EventPublisher}, the account's {@link dev.drydock.core.spi.Iam} (roles, role
 *       sessions as {@link dev.drydock.core.spi.RoleSession}s, the test principal) and the other modules.</li>
 *   <li>Ports where services meet without depending on each other: {@link dev.drydock.core.spi.ImageResolver}
 *       (ECR serves images to ECS tasks), {@link dev.drydock.core.spi.TaskVolumeProvider} (EFS mounts volumes into
 *       ECS tasks), {@link dev.drydock.core.spi.TaskSecretResolver} (Secrets Manager and Parameter Store give ECS a
 *       task's secrets and registry credentials), {@link dev.drydock.core.spi.TaskLogSink} (CloudWatch Logs takes
 *       the output of {@code awslogs} containers), {@link dev.drydock.core.spi.KeyEncryption} (KMS encrypts other
 *       services' data as their callers). A new port is an interface here, implemented by the module that serves it and looked up with
 *       {@link dev.drydock.core.spi.ServiceContext#module(Class)}.</li>
 * </ul>
 *
 * <h2>The API of a service</h2>
 * <ul>
 *   <li>Routing tables, one per AWS protocol: {@link dev.drydock.core.spi.JsonService} (AWS JSON 1.0/1.1),
 *       {@link dev.drydock.core.spi.RestJsonService} (REST-JSON), {@link dev.drydock.core.spi.QueryService} (query
 *       protocol): operation name to handler, registered on the context.</li>
 *   <li>Handlers: {@link dev.drydock.core.spi.Operation}, one class per AWS operation, given the SDK request shape
 *       and a {@link dev.drydock.core.spi.CallContext} (the {@link dev.drydock.core.spi.Caller}, IAM authorization);
 *       they throw {@link dev.drydock.core.spi.AwsException} with AWS's codes and messages.</li>
 *   <li>Shared machinery: {@link dev.drydock.core.spi.Paginator} (one token format, each service's limits and
 *       errors), {@link dev.drydock.core.spi.TagStore}, {@link dev.drydock.core.spi.TagRules} and
 *       {@link dev.drydock.core.spi.TagConditions} (resource tags, their validation and the {@code aws:RequestTag},
 *       {@code aws:ResourceTag} and {@code aws:TagKeys} condition keys).</li>
 *   <li>{@link dev.drydock.core.spi.AdminCalls}: how programmatic fixtures call the registered handlers as the test
 *       principal, through the same checks as an HTTP request; and how a service calls them as a role session it
 *       holds (ECS reading a task's secrets as its execution role), recorded as that session's request.</li>
 *   <li>Plain endpoints (task metadata, credentials): {@link dev.drydock.core.spi.HttpRequest},
 *       {@link dev.drydock.core.spi.HttpResponse}; JSON without data binding: {@link dev.drydock.core.spi.JsonTree};
 *       a user's files: {@link dev.drydock.core.spi.ClasspathResources}.</li>
 * </ul>
 *
 * <p>docs/architecture.md walks through a request and through adding an operation or a service.
 */
package dev.drydock.core.spi;
