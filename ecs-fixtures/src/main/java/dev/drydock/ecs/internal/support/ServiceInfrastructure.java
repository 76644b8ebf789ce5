package dev.drydock.ecs.internal.support;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ServiceVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.VpcLatticeConfiguration;

/**
 * What a CreateService or UpdateService request asks ECS itself to use: managed EBS volumes (the
 * {@code ecs:enable-ebs-volumes} condition key) and the infrastructure roles ECS assumes for them and for VPC Lattice,
 * which the caller passes ({@code iam:PassRole} to {@code ecs.amazonaws.com}).
 *
 * @param usesEbs whether a volume configuration asks for a managed EBS volume
 * @param roles the infrastructure role ARNs named (nulls included; PassRole skips them)
 */
public record ServiceInfrastructure(boolean usesEbs, List<String> roles) {

    public static ServiceInfrastructure of(
            List<ServiceVolumeConfiguration> volumes, List<VpcLatticeConfiguration> lattice) {
        boolean ebs = false;
        List<String> roles = new ArrayList<>();
        for (ServiceVolumeConfiguration v : volumes) {
            if (v.managedEBSVolume() != null) {
                ebs = true;
                roles.add(v.managedEBSVolume().roleArn());
            }
        }
        for (VpcLatticeConfiguration v : lattice) {
            roles.add(v.roleArn());
        }
        return new ServiceInfrastructure(ebs, roles);
    }
}
