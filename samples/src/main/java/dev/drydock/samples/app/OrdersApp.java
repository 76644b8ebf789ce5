package dev.drydock.samples.app;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * A tiny application as it would run in a Fargate task: it builds its ECS client from the SDK's defaults only (the
 * default credentials chain finds the task role's credentials through the container credentials provider; the
 * region and endpoint come from AWS_REGION and AWS_ENDPOINT_URL), performs one call and reports through its exit
 * code: 0 when the call succeeded, 3 when IAM denied it (AccessDeniedException), 1 on any other error.
 *
 * <p>Usage: {@code java dev.drydock.samples.app.OrdersApp list-clusters|delete-cluster <cluster>}
 */
public final class OrdersApp {
    private OrdersApp() {}

    public static void main(String[] args) {
        try (EcsClient ecs = EcsClient.create()) {
            switch (args[0]) {
                case "list-clusters":
                    System.out.println("clusters: " + ecs.listClusters().clusterArns());
                    break;
                case "delete-cluster":
                    ecs.deleteCluster(r -> r.cluster(args[1]));
                    System.out.println("deleted " + args[1]);
                    break;
                default:
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
            }
            System.exit(0);
        } catch (EcsException e) {
            System.out.println(
                    e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
            System.exit("AccessDeniedException".equals(e.awsErrorDetails().errorCode()) ? 3 : 1);
        }
    }
}
