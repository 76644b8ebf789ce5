package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

/**
 * Capacity provider strategies as ECS checks and applies them (pure: no model state). Drydock runs AWS's own Fargate
 * capacity providers, {@code FARGATE} and {@code FARGATE_SPOT}, which every account has and a cluster only needs to be
 * associated with (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html).
 *
 * <p>How tasks are distributed, per https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html:
 * the provider with a
 * {@code base} gets tasks first until it runs {@code base} of them; every further task goes by {@code weight}, "for
 * every one task that's run using capacityProviderA [weight 1], four tasks would use capacityProviderB [weight 4]". A
 * provider of weight 0 gets no tasks beyond its base. Drydock places each task on the provider whose share of the
 * tasks beyond the base is furthest below its weight ratio (ties: the first in the strategy), which gives exactly the
 * ratio whenever the count allows it: base 2 on FARGATE, weights 1 (FARGATE) and 3 (FARGATE_SPOT), 10 tasks: 2 + 2 on
 * FARGATE, 6 on FARGATE_SPOT.
 */
final class CapacityProviderStrategies {
    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";
    /** The capacity providers Drydock runs tasks on: AWS's own Fargate ones. */
    static final Set<String> FARGATE_PROVIDERS = Set.of(FARGATE, FARGATE_SPOT);
    /** "A capacity provider strategy can contain a maximum of 20 capacity providers." (API_CapacityProviderStrategyItem) */
    static final int MAX_ITEMS = 20;

    // ECS's messages, as its users quote them: github.com/dask/dask-cloudprovider/issues/328,
    // github.com/terraform-aws-modules/terraform-aws-ecs/issues/53
    static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity provider "
            + "that is not associated with the cluster. Associate the capacity provider with the cluster or specify a "
            + "valid capacity provider and try again.";
    static final String NOT_FOUND =
            "The specified capacity provider was not found. Specify a valid capacity provider and try again.";

    static final String MIXED = "A capacity provider strategy cannot contain a mix of capacity providers using Auto "
            + "Scaling groups and Fargate providers. Specify one or the other and try again.";

    private CapacityProviderStrategies() {}

    /**
     * Checks the capacity providers a cluster is to be associated with (CreateCluster, PutClusterCapacityProviders).
     *
     * @param autoScaling whether a name is one of the account's Auto Scaling group capacity providers
     * @throws AwsException InvalidParameterException for a provider that is neither FARGATE, FARGATE_SPOT nor one of
     *     the account's
     */
    static void checkProviders(List<String> providers, Predicate<String> autoScaling) {
        for (String p : providers) {
            if (!FARGATE_PROVIDERS.contains(p) && !autoScaling.test(p)) {
                throw EcsErrors.invalidParameter(NOT_FOUND + " (capacityProviders: '" + p + "'; the account has "
                        + "FARGATE, FARGATE_SPOT and the capacity providers CreateCapacityProvider created.)");
            }
        }
        if (new HashSet<>(providers).size() != providers.size()) {
            throw EcsErrors.invalidParameter(
                    "capacityProviders names a capacity provider more than once. Name each capacity provider once.");
        }
    }

    /**
     * Checks a strategy against the capacity providers associated with the cluster: at most 20 items, each provider
     * once and associated, a base on one provider at most, and (with more than one provider) a weight above 0 on one.
     *
     * @param field the request member, named in the messages
     * @throws AwsException InvalidParameterException with ECS's message
     */
    static void check(String field, List<CapacityProviderStrategyItem> strategy, List<String> associated) {
        if (strategy.size() > MAX_ITEMS) {
            throw EcsErrors.invalidParameter(field + " can contain a maximum of " + MAX_ITEMS + " capacity providers.");
        }
        Set<String> seen = new HashSet<>();
        int withBase = 0;
        boolean weighted = false;
        for (CapacityProviderStrategyItem item : strategy) {
            if (!associated.contains(item.capacityProvider())) {
                throw EcsErrors.invalidParameter(NOT_ASSOCIATED);
            }
            if (!seen.add(item.capacityProvider())) {
                throw EcsErrors.invalidParameter(field + " names the capacity provider " + item.capacityProvider()
                        + " more than once. Name each capacity provider once.");
            }
            if (base(item) > 0) {
                withBase++;
            }
            weighted |= weight(item) > 0;
        }
        if (strategy.stream().anyMatch(i -> FARGATE_PROVIDERS.contains(i.capacityProvider()))
                && strategy.stream().anyMatch(i -> !FARGATE_PROVIDERS.contains(i.capacityProvider()))) {
            // ECS's text, as AWS CDK repeats it before ECS would (aws-cdk-lib/aws-ecs/lib/cluster.ts)
            throw EcsErrors.invalidParameter(MIXED);
        }
        if (withBase > 1) {
            // the rule of API_CapacityProviderStrategyItem, in its words
            throw EcsErrors.invalidParameter(
                    "Only one capacity provider in a capacity provider strategy can have a base defined.");
        }
        if (strategy.size() > 1 && !weighted) {
            throw EcsErrors.invalidParameter("When multiple capacity providers are specified within a capacity "
                    + "provider strategy, at least one of the capacity providers must have a weight value greater than "
                    + "zero.");
        }
    }

    /**
     * The capacity provider the next task goes to, given how many tasks (not told to stop) each provider already has.
     *
     * @param running tasks by capacity provider name (missing: none)
     */
    static String next(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> running) {
        for (CapacityProviderStrategyItem item : strategy) {
            if (running.getOrDefault(item.capacityProvider(), 0) < base(item)) {
                return item.capacityProvider();
            }
        }
        String best = null;
        double bestShare = Double.MAX_VALUE;
        for (CapacityProviderStrategyItem item : strategy) {
            int weight = weight(item);
            if (weight == 0) {
                continue;
            }
            int beyondBase = Math.max(0, running.getOrDefault(item.capacityProvider(), 0) - base(item));
            double share = (beyondBase + 1) / (double) weight;
            if (share < bestShare) {
                bestShare = share;
                best = item.capacityProvider();
            }
        }
        // a strategy of one provider may leave its weight at 0: every task goes to it
        return best != null ? best : strategy.get(0).capacityProvider();
    }

    /** The capacity providers of {@code count} new tasks (one RunTask), in launch order. */
    static List<String> distribute(List<CapacityProviderStrategyItem> strategy, int count) {
        return distribute(strategy, count, new HashMap<>());
    }

    /** The capacity providers of {@code count} more tasks, given those already running; updates {@code running}. */
    static List<String> distribute(
            List<CapacityProviderStrategyItem> strategy, int count, Map<String, Integer> running) {
        List<String> result = new ArrayList<>();
        if (strategy.isEmpty()) {
            for (int i = 0; i < count; i++) {
                result.add(null);
            }
            return result;
        }
        for (int i = 0; i < count; i++) {
            String p = next(strategy, running);
            running.merge(p, 1, Integer::sum);
            result.add(p);
        }
        return result;
    }

    private static int base(CapacityProviderStrategyItem item) {
        return item.base() == null ? 0 : item.base();
    }

    private static int weight(CapacityProviderStrategyItem item) {
        return item.weight() == null ? 0 : item.weight();
    }
}
