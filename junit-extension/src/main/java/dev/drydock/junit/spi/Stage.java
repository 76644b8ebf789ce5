package dev.drydock.junit.spi;

/**
 * When a declared resource is created, relative to the others: a test class's declarations are applied stage by
 * stage, in this order (within a stage, by plug-in name and then as the class declares them), so that everything a
 * resource names exists before it.
 */
public enum Stage {
    /** IAM roles: everything else may name them (task roles, execution roles, policies' principals). */
    ROLES,
    /** What tasks mount, read or write: file systems, secrets, parameters, log groups. */
    STORAGE,
    /** Image repositories and their images: what tasks pull. */
    IMAGES,
    /** Load balancers and target groups: what services register their tasks with. */
    NETWORK,
    /** Clusters and their capacity: where tasks run. */
    CLUSTERS,
    /** Services and tasks: they use everything above. */
    SERVICES,
    /** Scaling policies and alarms: they watch services. */
    SCALING
}
