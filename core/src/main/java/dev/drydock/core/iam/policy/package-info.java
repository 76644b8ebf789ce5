/**
 * A local model of the AWS IAM policy language: parsing of IAM JSON policy documents and evaluation of
 * authorization requests against them, following the AWS IAM User Guide.
 *
 * <p>Pages this package follows (IAM User Guide unless noted):
 * <ul>
 *   <li>"IAM JSON policy elements reference" (Version, Id, Statement, Sid, Effect, Principal, NotPrincipal,
 *       Action, NotAction, Resource, NotResource, Condition) and "Grammar of the IAM JSON policy language";</li>
 *   <li>"IAM JSON policy elements: Condition operators", "Conditions with multiple context keys or values",
 *       "Single-valued vs. multivalued context keys";</li>
 *   <li>"IAM policy elements: Variables and tags" (policy variables, {@code ${*}}, {@code ${?}}, {@code ${$}},
 *       default values);</li>
 *   <li>"AWS global condition context keys";</li>
 *   <li>"Policy evaluation logic", "Determining whether a request is allowed or denied within an account",
 *       "Cross-account policy evaluation logic", "Session policies", "Permissions boundaries for IAM entities";</li>
 *   <li>"Troubleshooting access denied error messages" (the AccessDenied message forms);</li>
 *   <li>"Troubleshooting IAM policies" / policy validation (MalformedPolicyDocument errors);</li>
 *   <li>Service Authorization Reference: "Actions, resources, and condition keys for Amazon ECS".</li>
 * </ul>
 *
 * <p>Entry points: {@link dev.drydock.core.iam.policy.PolicyDocument#parse(String, PolicyKind)} and
 * {@link dev.drydock.core.iam.policy.PolicyEvaluator#evaluate(AuthorizationRequest, PolicySet)}.
 * Everything here is immutable and thread-safe once built; no I/O, no network, no clock is read.
 */
package dev.drydock.core.iam.policy;
