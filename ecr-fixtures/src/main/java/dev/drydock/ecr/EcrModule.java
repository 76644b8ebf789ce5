package dev.drydock.ecr;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon ECR in a Drydock instance: the ECR API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.*})
 * on Drydock's endpoint, and a real OCI distribution (registry v2) endpoint over the same repositories on its own
 * loopback port, so {@code docker login}, {@code docker push} and {@code docker pull} work against it, and ECS tasks
 * whose image is an ECR URI of this account and region run that image. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcrModule.class)}.
 *
 * <p>Repository URIs have AWS's form {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}; the registry that
 * Docker reaches is {@link #registryHost()} ({@code 127.0.0.1:<port>}), and {@link #localReference(String)} turns an
 * ECR URI into the reference to push or pull there. With the setting {@code ecr.repository-uri=local},
 * {@code repositoryUri} and GetAuthorizationToken's {@code proxyEndpoint} name that registry instead
 * ({@code 127.0.0.1:<port>/<name>}, {@code https://127.0.0.1:<port>}), so deploy code that logs in to the
 * {@code proxyEndpoint} and pushes to the {@code repositoryUri} it gets works unchanged; task definitions may name
 * images in either form. Blobs are stored once, content-addressed, in a session
 * directory under the setting {@code ecr.storage-directory} (default {@code <java.io.tmpdir>/drydock-ecr}), removed
 * when Drydock closes.
 */
public interface EcrModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the ECR API. */
    String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921";
    /** The user name of every registry login, as on ECR. */
    String REGISTRY_USER = "AWS";

    /**
     * The registry's address for the Docker engine (its pulls, and the {@code docker} CLI's login and push, which the
     * engine carries out), {@code 127.0.0.1:<port>} (the registry starts on first use): log in there with
     * {@code docker login 127.0.0.1:<port> -u AWS -p <password>}, the password being GetAuthorizationToken's token
     * decoded, after {@code AWS:}. On a local Linux engine this is the registry's port in this JVM; on Docker Desktop,
     * colima, Podman or a remote engine it is a loopback port of the engine's host that Drydock's helper container
     * forwards to this JVM (Docker treats 127.0.0.0/8 as an insecure registry everywhere), so the same reference works
     * for tasks and for the CLI.
     *
     * @throws dev.drydock.core.DrydockException when the registry cannot listen on the loopback address
     */
    String registryHost();

    /**
     * The reference on Drydock's registry for an ECR image URI or repository URI:
     * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:v1} becomes {@code 127.0.0.1:<port>/orders:v1}.
     * A reference that already names {@link #registryHost()} is returned as is.
     *
     * @throws dev.drydock.core.DrydockException when the URI is not one of this account's and region's ECR URIs
     */
    String localReference(String ecrUri);

    /**
     * A registry password for the test principal (an administrator), as {@code aws ecr get-login-password} gives
     * it: for {@code docker login <registryHost()> -u AWS -p <password>}. Valid 12 hours.
     */
    String testPrincipalPassword();
}
