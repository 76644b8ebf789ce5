/** What CloudWatch's handlers share: the base class with IAM authorization. Not API. */
package dev.drydock.cloudwatch.internal.support;
