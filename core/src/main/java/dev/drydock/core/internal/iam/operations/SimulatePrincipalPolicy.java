package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.internal.iam.support.PolicySimulator;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * SimulatePrincipalPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html. The
 * policies of the user or role PolicySourceArn names (inline, attached, its permissions boundary unless
 * PermissionsBoundaryPolicyInputList replaces it), plus PolicyInputList, and ResourcePolicy; ActionNames x
 * ResourceArns; ContextEntries; CallerArn; Marker/MaxItems. See {@link PolicySimulator}.
 */
public final class SimulatePrincipalPolicy extends IamOperation
        implements Operation<SimulatePrincipalPolicyRequest, SimulatePrincipalPolicyResponse> {
    public SimulatePrincipalPolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public SimulatePrincipalPolicyResponse call(SimulatePrincipalPolicyRequest request, CallContext context) {
        context.authorize("iam:SimulatePrincipalPolicy", request.policySourceArn());
        IamBackend.SimulationSubject subject = iam.simulationSubject(request.policySourceArn());
        List<NamedPolicy> identity = new ArrayList<>(subject.identityPolicies());
        identity.addAll(
                PolicySimulator.inputPolicies(request.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY));
        NamedPolicy boundary = request.hasPermissionsBoundaryPolicyInputList()
                ? PolicySimulator.inputBoundary(request.permissionsBoundaryPolicyInputList())
                : subject.permissionsBoundary();
        NamedPolicy resourcePolicy = PolicySimulator.inputResourcePolicy(request.resourcePolicy());
        String caller = PolicySimulator.caller(request.callerArn(), subject.arn(), resourcePolicy != null, null);
        List<EvaluationResult> results = new PolicySimulator(iam.accountId(), identity, boundary, resourcePolicy)
                .simulate(
                        caller,
                        request.actionNames(),
                        request.resourceArns(),
                        PolicySimulator.context(request.contextEntries()),
                        PolicySimulator.resourceOwner(request.resourceOwner()));
        Page<EvaluationResult> page = SimulateCustomPolicy.page(results, request.marker(), request.maxItems());
        return SimulatePrincipalPolicyResponse.builder()
                .evaluationResults(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
