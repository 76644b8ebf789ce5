/** One class per CloudWatch operation, named as AWS names it. Not API. */
package dev.drydock.cloudwatch.internal.operations;
