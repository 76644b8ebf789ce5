/** One class per STS operation, named as AWS names it; STS works on the account's IAM state. */
package dev.drydock.core.internal.sts.operations;
